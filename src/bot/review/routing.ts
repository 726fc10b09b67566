// When a chat message is a draft to review rather than a question to answer.
//
// The rule (also in the help card):
//   1. it starts with "granska" or "review", optionally followed by a colon: the rest is the draft;
//   2. or it is draft-like: longer than DRAFT_MIN_CHARS characters, or DRAFT_MIN_LINES or more
//      non-empty lines, unless it reads as a question: it ends with "?" and is at most
//      QUESTION_MAX_CHARS characters long;
//   3. or it holds personal or secret data (the review engine's own findings: an identifier or a
//      secret, or a named person with something more), whatever its length or line breaks (the
//      Playground flattens them), unless it asks (ends with "?", or is one sentence opening like
//      a question: "Får jag klistra in 19121212-1212 i ChatGPT") or tells of an incident ("jag
//      råkade klistra in …", answered with the offer to report it).
// Everything else goes to the policy engine as a question.
import { trimLineEnds } from "../../text/lines";
import { replaceMentions } from "../../text/tags";
import { BLOCK_CONFIDENCE, reviewDraft, type FindingType } from "../../review";
import { soundsLikeIncident } from "../incidents/detect";

export const DRAFT_MIN_CHARS = 280;
export const DRAFT_MIN_LINES = 3;
export const QUESTION_MAX_CHARS = 600;

export type ReviewRoute = { via: "prefix" | "draft" | "content"; text: string };

const PREFIX = /^\s*(?:granska|review)(?:\s*:|(?=\s)|$)\s*/i;

/** the draft to review, or undefined when the message is a question or a command */
export function reviewRoute(text: string): ReviewRoute | undefined {
  const m = PREFIX.exec(text);
  if (m) return { via: "prefix", text: text.slice(m[0].length).trim() };
  if (isDraftLike(text)) return { via: "draft", text: text.trim() };
  // the cheap shape checks first: a question never pays for a whole review here
  return !asks(text) && !soundsLikeIncident(text) && holdsData(text) ? { via: "content", text: text.trim() } : undefined;
}

/** values that point at a person or open a system on their own */
const IDENTIFIERS: ReadonlySet<FindingType> = new Set(["PERSONNUMMER", "EMAIL", "PHONE", "ADDRESS", "BANK_ACCOUNT", "PAYMENT_CARD", "IP_ADDRESS", "CREDENTIAL", "LICENSE_PLATE"]);

/**
 * Whether the review engine finds personal or secret data in the text: an identifier or a
 * secret, or a name with something said about the person (a diagnosis, secrecy). Names
 * alone are not enough (the engine reads "Copilot" as one); words about data
 * ("personnummer", "sekretess") without a value are a topic, not data.
 */
export function holdsData(text: string): boolean {
  const strong = reviewDraft(text).findings.filter((f) => f.confidence >= BLOCK_CONFIDENCE);
  if (strong.some((f) => IDENTIFIERS.has(f.type))) return true;
  return strong.some((f) => f.type === "PERSON_NAME") && strong.some((f) => f.type !== "PERSON_NAME");
}

// a question's opening word (modal or interrogative), Swedish and English
const QUESTION_OPENING =
  /^(?:får|kan|måste|ska|skall|bör|behöver|är|finns|gäller|räknas|hur|vad|vem|vilka|vilken|vilket|varför|när|var|may|can|must|should|shall|is|are|do|does|did|am|how|what|who|which|why|when|where)(?![\p{L}\p{N}])/iu;
/** what may follow a question's "?" at the end of a message */
const AFTER_QUESTION_MARK = new Set([" ", "\n", "\t", "!", ")", '"', "”", "'", ".", "…"]);
const sentences = new Intl.Segmenter("sv", { granularity: "sentence" });

/** a question to the bot by its shape: it ends with "?", or is one sentence that opens like a question */
export function asks(text: string): boolean {
  const t = text.trim();
  let end = t.length;
  while (end > 0 && AFTER_QUESTION_MARK.has(t[end - 1])) end--;
  if (t[end - 1] === "?") return true;
  if (!QUESTION_OPENING.test(t)) return false;
  let n = 0;
  for (const seg of sentences.segment(t)) if (seg.segment.trim() !== "" && ++n > 1) return false;
  return true;
}

export function isDraftLike(text: string): boolean {
  const t = text.trim();
  if (t.endsWith("?") && t.length <= QUESTION_MAX_CHARS) return false;
  if (t.length > DRAFT_MIN_CHARS) return true;
  return t.split(/\r?\n/).filter((l) => l.trim() !== "").length >= DRAFT_MIN_LINES;
}

/**
 * The message text without the bot's @mention, keeping line breaks (a draft's layout
 * matters; the command parser collapses whitespace, which is fine for commands only).
 */
export function draftText(raw: string): string {
  return trimLineEnds(replaceMentions(raw, "").replace(/&nbsp;/g, " ").replace(/\r\n?/g, "\n")).trim();
}
