// What the user typed, after the @mention is stripped: a command or a question.
import { TurnContext, type Activity } from "botbuilder";
import type { LocaleLang } from "../locales";
import { incidentCommand } from "./incidents/detect";
import { approvalCommand } from "./approvals/command";
import { replaceMentions, replaceTags, startsWithIgnoreCase } from "../text/tags";

export type Command =
  | { kind: "empty" }
  | { kind: "help"; lang: LocaleLang; greeting?: true }
  | { kind: "listPacks" }
  | { kind: "switchPack"; packId: string }
  | { kind: "reportIncident"; lang: LocaleLang }
  | { kind: "requestApproval"; lang: LocaleLang }
  | { kind: "question"; text: string };

const HELP_SV = /^\/?(hjälp|hjalp)[.!?]?$/i;
const HELP_EN = /^\/?(help|\?)[.!?]?$/i;
// a greeting on its own is small talk: it gets the welcome and the help, not a refusal
const GREETING_SV = /^(?:hej(?:san|hej)?|hallå|tjena(?:re)?|tja|morsning|god\s+(?:morgon|dag|middag|eftermiddag|kväll))(?:\s+(?:policybot|boten|där|alla))?[\s!.,]*$/i;
const GREETING_EN = /^(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening))(?:\s+(?:policybot|bot|there|all))?[\s!.,]*$/i;
const LIST = /^\/?(policy|policys|policyer|policies)[?]?$/i;
const SWITCH = /^\/?policy\s+([a-z0-9-]{1,40})$/i;

export function parseCommand(raw: string): Command {
  const text = raw.replace(/\s+/g, " ").trim();
  if (text === "") return { kind: "empty" };
  if (HELP_SV.test(text)) return { kind: "help", lang: "sv" };
  if (HELP_EN.test(text)) return { kind: "help", lang: "en" };
  if (GREETING_SV.test(text)) return { kind: "help", lang: "sv", greeting: true };
  if (GREETING_EN.test(text)) return { kind: "help", lang: "en", greeting: true };
  if (LIST.test(text)) return { kind: "listPacks" };
  const incident = incidentCommand(text);
  if (incident) return { kind: "reportIncident", lang: incident };
  const approval = approvalCommand(text);
  if (approval) return { kind: "requestApproval", lang: approval };
  const m = SWITCH.exec(text);
  if (m) return { kind: "switchPack", packId: m[1].toLowerCase() };
  return { kind: "question", text };
}

/** drops any <at>…</at> left after removeRecipientMention (other mentions, HTML-wrapped text). */
export function stripMentions(text: string): string {
  // linear scans, not /<at[^>]*>.*?<\/at>/ and /<\/?(p|div|span)[^>]*>/: the text is the user's
  return replaceTags(replaceMentions(text, " "), wrapperTag, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** the head of /<\/?(p|div|span)[^>]*>/i at the "<" at i */
function wrapperTag(s: string, i: number): boolean {
  const j = s.charCodeAt(i + 1) === 47 ? i + 2 : i + 1;
  return startsWithIgnoreCase(s, j, "p") || startsWithIgnoreCase(s, j, "div") || startsWithIgnoreCase(s, j, "span");
}

/**
 * The message text without the bot's @mention. botbuilder's removeRecipientMention edits
 * activity.text and throws when a mention comes without text: no text is "" here.
 */
export function textWithoutBotMention(activity: Activity): string {
  if (typeof activity.text !== "string") return "";
  return TurnContext.removeRecipientMention(activity) ?? activity.text ?? "";
}
