// The draft review: verdict (Blockera / Varning / OK, coloured), findings grouped by type
// with masked values and why, the pack's rules broken (quoted verbatim with section and
// rule), the redacted copy in a field ready to copy, and, where private, a form to put the
// real values back into Copilot's answer. Kept under MAX_CARD_BYTES: Teams drops larger
// messages, so the copy is cut (with a note) before anything else.
import { t, type LocaleLang } from "../../locales";
import type { FindingType } from "../../review";
import { adaptiveCard, folded, text, type Action, type AdaptiveCard, type Container, type Element, type TextColor } from "./adaptive-card";
import { citationBlock } from "./citations";
import type { FindingGroup, ReviewSummary } from "../review/summary";
import { COPY_INPUT, RESTORE_INPUT, RESTORE_VERB } from "../review/restore-submit";

/** a card's JSON size limit: Teams' ~28 KB per message, less room for the activity around it */
export const MAX_CARD_BYTES = 26_000;
/** a mapping bigger than this is not put in the card (it would crowd out the copy) */
export const MAX_MAPPING_BYTES = 9_000;

export type RestoreMode =
  /** 1:1 chat (Action.Execute with Submit fallback) or the dialog (Submit only) */
  | { kind: "offer"; surface: "chat" | "dialog" }
  /** channel or group chat: no mapping in the card, a hint instead */
  | { kind: "channel" }
  | { kind: "none" };

export interface ReviewCardData {
  lang: LocaleLang;
  organisation: string;
  summary: ReviewSummary;
  restore: RestoreMode;
  /** set when the draft came from an attached file */
  fileKind?: "txt" | "docx" | "pdf";
}

const RULES_ID = "policyRules";
const VERDICT_COLOR: Record<ReviewSummary["verdict"], TextColor> = { block: "attention", warn: "warning", ok: "good" };
const CATEGORY: FindingType[] = ["HEALTH", "SPECIAL_CATEGORY", "SECRECY"];
/** between masked values: with spaces around it, a "****" can never open markdown emphasis */
export const VALUE_SEPARATOR = " · ";

export function reviewCard(d: ReviewCardData): AdaptiveCard {
  const s = d.summary;
  const mappingSize = byteSize(JSON.stringify(s.mapping));
  const offerRestore = d.restore.kind === "offer" && Object.keys(s.mapping).length > 0 && mappingSize <= MAX_MAPPING_BYTES;
  const tooMany = d.restore.kind === "offer" && mappingSize > MAX_MAPPING_BYTES;
  const build = (copy: string | undefined, truncated: boolean) => layout(d, copy, truncated, offerRestore, tooMany);

  if (s.verdict === "ok" || s.groups.length === 0) return build(undefined, false);
  const full = build(s.redacted, false);
  if (byteSize(JSON.stringify(full)) <= MAX_CARD_BYTES) return full;
  // the copy is what can give: find the longest prefix that fits, cut at a word boundary
  const base = byteSize(JSON.stringify(build("", true)));
  const room = MAX_CARD_BYTES - base;
  let lo = 0;
  let hi = s.redacted.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (byteSize(JSON.stringify(s.redacted.slice(0, mid))) - 2 <= room - 64) lo = mid;
    else hi = mid - 1;
  }
  return build(cutAtBoundary(s.redacted, lo), true);
}

function layout(d: ReviewCardData, copy: string | undefined, truncated: boolean, offerRestore: boolean, tooMany: boolean): AdaptiveCard {
  const k = (key: string, vars?: Record<string, string | number>) => t(d.lang, "review-card", key, vars);
  const s = d.summary;
  const label = k(`verdictLabel.${s.verdict}`);
  const body: Element[] = [text(k("title"), { isSubtle: true, size: "small", spacing: "none" })];
  if (d.fileKind) body.push(text(k("fileSource", { kind: k(`fileKind.${d.fileKind}`) }), { isSubtle: true, size: "small", spacing: "none" }));
  body.push({
    type: "Container",
    style: s.verdict === "block" ? "attention" : s.verdict === "warn" ? "warning" : "good",
    items: [
      // warning- and good-coloured text on its own container's tint is unreadable (about 1.2:1 and 2:1): default text there
      text(label, { size: "large", weight: "bolder", ...(s.verdict === "block" ? { color: VERDICT_COLOR.block } : {}), style: "heading" }),
      text(t(d.lang, "review", `verdict.${s.verdict}`), { spacing: "small" }),
    ],
  });

  if (s.groups.length > 0) {
    // one row per kind of finding: ten kinds in ten boxes of three lines made the card 1,800 px tall on a phone
    body.push(text(k("findingsHeading"), { weight: "bolder", spacing: "medium", style: "heading" }));
    body.push({ type: "FactSet", spacing: "small", facts: s.groups.map((g) => groupFact(d.lang, g)) });
  }

  if (s.groups.length > 0 || s.rules.length > 0) {
    // why each kind must go, and the quoted rules, fold behind a button: eight quotes made a card 3,000 px tall
    const more: Element[] = s.groups.map((g) => whyBlock(d.lang, g));
    if (s.rules.length > 0) {
      more.push(text(k("rulesHeading"), { weight: "bolder", spacing: "medium", style: "heading" }));
      for (const r of s.rules) {
        const block = citationBlock(d.lang, d.organisation, r.citation);
        block.items.push(text(k("appliesTo", { types: r.types.map((x) => typeLabel(d.lang, x)).join(", ") }), { isSubtle: true, size: "small", spacing: "none" }));
        more.push(block);
      }
    }
    const toggle = s.rules.length === 0 ? k("whyToggle") : k(s.rules.length === 1 ? "rulesToggleOne" : "rulesToggle", { count: s.rules.length });
    body.push(...folded(RULES_ID, toggle, more, "small"));
  }

  if (copy === undefined) {
    body.push(text(k("okBody"), { spacing: "medium" }));
  } else {
    // health, sensitive or secret content stays in the copy: then it is not called anonymised, and says what is left
    const left = s.groups.filter((g) => CATEGORY.includes(g.type)).map((g) => typeLabel(d.lang, g.type).toLowerCase());
    body.push(text(k(left.length ? "copyHeadingPartial" : "copyHeading"), { weight: "bolder", spacing: "medium", style: "heading" }));
    if (left.length) body.push(text(k("categoriesStill", { kinds: left.join(", ") }), { color: "attention", spacing: "small" }));
    body.push({ type: "Input.Text", id: COPY_INPUT, isMultiline: true, value: copy, label: k("copyHint") });
    if (truncated) body.push(text(k("copyTruncated", { shown: copy.length, total: s.redacted.length }), { color: "warning", size: "small" }));
  }

  const actions: Action[] = [];
  if (offerRestore && d.restore.kind === "offer") {
    // no heading: the button under the box says what it does
    body.push(text(k("restoreHint"), { spacing: "medium", separator: true }));
    body.push({ type: "Input.Text", id: RESTORE_INPUT, isMultiline: true, placeholder: k("restorePlaceholder"), maxLength: 100_000 });
    actions.push(restoreAction(d.lang, s.mapping, d.restore.surface));
  } else if (tooMany) {
    body.push(text(k("restoreTooMany"), { isSubtle: true, size: "small", separator: true, spacing: "medium" }));
  } else if (d.restore.kind === "channel" && copy !== undefined && Object.keys(s.mapping).length > 0) {
    body.push(text(k("restoreChannel"), { isSubtle: true, size: "small", separator: true, spacing: "medium" }));
  }

  const counts = s.groups.map((g) => `${typeLabel(d.lang, g.type)} (${g.count})`).join(", ");
  return adaptiveCard(body, { actions, fallbackText: [`${k("title")}: ${label}`, counts].filter(Boolean).join(" · ") });
}

/** "Personnummer (2)": "19121212-**** · 19850101-****" */
function groupFact(lang: LocaleLang, g: FindingGroup): { title: string; value: string } {
  const k = (key: string, vars?: Record<string, string | number>) => t(lang, "review-card", key, vars);
  const values = g.values.join(VALUE_SEPARATOR) + (g.more > 0 ? ` ${k("more", { n: g.more })}` : "");
  // the short label: a full one ("Personnummer eller samordningsnummer") wraps to three lines on a phone
  return { title: k("groupTitle", { type: k(`short.${g.type}`), count: g.count }), value: values };
}

/** why a kind of finding must go (folded with the rules) */
function whyBlock(lang: LocaleLang, g: FindingGroup): Element {
  const k = (key: string, vars?: Record<string, string | number>) => t(lang, "review-card", key, vars);
  const items: Element[] = [text(`**${typeLabel(lang, g.type)}**: ${k(`why.${g.type}`)}`, { spacing: "none", size: "small" })];
  // the engine states its reasons in English: shown on English cards only
  if (lang === "en" && g.reasons.length > 0) items.push(text(k("reasons", { reasons: g.reasons.join("; ") }), { isSubtle: true, size: "small", spacing: "none" }));
  return { type: "Container", spacing: "small", items };
}

export function typeLabel(lang: LocaleLang, type: FindingType): string {
  return t(lang, "review", `types.${type}`);
}

/** chat: Action.Execute (Universal Action) with an Action.Submit fallback; dialog: Submit (dialogs do not run Execute) */
export function restoreAction(lang: LocaleLang, mapping: Record<string, string>, surface: "chat" | "dialog"): Action {
  const title = t(lang, "review-card", "restoreButton");
  const data = { mapping, lang, surface };
  const submit: Action = { type: "Action.Submit", title, data: { verb: RESTORE_VERB, ...data }, style: "positive" };
  if (surface === "dialog") return submit;
  return { type: "Action.Execute", title, verb: RESTORE_VERB, data, style: "positive", fallback: { type: "Action.Submit", title, data: { verb: RESTORE_VERB, ...data } } };
}

export function byteSize(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** a prefix of at most n characters, ending at whitespace when one is near, never inside a placeholder or a surrogate pair */
export function cutAtBoundary(s: string, n: number): string {
  if (n >= s.length) return s;
  let cut = n;
  const ws = s.lastIndexOf(" ", n);
  const nl = s.lastIndexOf("\n", n);
  const at = Math.max(ws, nl);
  if (at > n - 200 && at > 0) cut = at;
  const open = s.lastIndexOf("[", cut);
  if (open >= 0 && s.indexOf("]", open) >= cut && cut - open < 30) cut = open;
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return s.slice(0, cut).trimEnd();
}
