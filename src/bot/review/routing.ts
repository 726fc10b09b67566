// When a chat message is a draft to review rather than a question to answer.
//
// The rule (also in the help card):
//   1. it starts with "granska" or "review", optionally followed by a colon: the rest is the draft;
//   2. or it is draft-like: longer than DRAFT_MIN_CHARS characters, or DRAFT_MIN_LINES or more
//      non-empty lines, unless it reads as a question: it ends with "?" and is at most
//      QUESTION_MAX_CHARS characters long.
// Everything else goes to the policy engine as a question.
import { trimLineEnds } from "../../text/lines";
import { replaceMentions } from "../../text/tags";

export const DRAFT_MIN_CHARS = 280;
export const DRAFT_MIN_LINES = 3;
export const QUESTION_MAX_CHARS = 600;

export type ReviewRoute = { via: "prefix"; text: string } | { via: "draft"; text: string };

const PREFIX = /^\s*(?:granska|review)(?:\s*:|(?=\s)|$)\s*/i;

/** the draft to review, or undefined when the message is a question or a command */
export function reviewRoute(text: string): ReviewRoute | undefined {
  const m = PREFIX.exec(text);
  if (m) return { via: "prefix", text: text.slice(m[0].length).trim() };
  return isDraftLike(text) ? { via: "draft", text: text.trim() } : undefined;
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
