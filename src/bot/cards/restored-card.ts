// Copilot's answer with the user's real values put back: shown only to that user (in
// their 1:1 chat or the dialog). The restore form comes again, so another answer can be
// pasted without reviewing the draft anew.
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, text, type Action, type AdaptiveCard, type Element } from "./adaptive-card";
import { COPY_INPUT, RESTORE_INPUT } from "../review/restore-submit";
import { byteSize, cutAtBoundary, MAX_CARD_BYTES, MAX_MAPPING_BYTES, restoreAction } from "./review-card";

export interface RestoredCardData {
  lang: LocaleLang;
  /** the answer with values put back; undefined when the user pasted nothing */
  restored: string | undefined;
  /** placeholders replaced */
  replaced: number;
  mapping: Record<string, string>;
  surface: "chat" | "dialog";
}

export function restoredCard(d: RestoredCardData): AdaptiveCard {
  const offer = byteSize(JSON.stringify(d.mapping)) <= MAX_MAPPING_BYTES && Object.keys(d.mapping).length > 0;
  const full = layout(d, d.restored, false, offer);
  if (d.restored === undefined || byteSize(JSON.stringify(full)) <= MAX_CARD_BYTES) return full;
  const room = MAX_CARD_BYTES - byteSize(JSON.stringify(layout(d, "", true, offer))) - 64;
  let lo = 0;
  let hi = d.restored.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (byteSize(JSON.stringify(d.restored.slice(0, mid))) <= room) lo = mid;
    else hi = mid - 1;
  }
  return layout(d, cutAtBoundary(d.restored, lo), true, offer);
}

function layout(d: RestoredCardData, shown: string | undefined, truncated: boolean, offer: boolean): AdaptiveCard {
  const k = (key: string, vars?: Record<string, string | number>) => t(d.lang, "review-card", key, vars);
  const title = k("restoredTitle");
  const body: Element[] = [text(title, { size: "medium", weight: "bolder", style: "heading" })];
  if (shown === undefined) {
    body.push(text(k("restoreEmpty"), { color: "warning" }));
  } else {
    body.push(text(d.replaced > 0 ? k(d.replaced === 1 ? "restoredCountOne" : "restoredCount", { count: d.replaced }) : k("restoredNone"), { spacing: "small" }));
    body.push({ type: "Input.Text", id: COPY_INPUT, isMultiline: true, value: shown, label: k("copyHint") });
    if (truncated && d.restored !== undefined) body.push(text(k("restoredTruncated", { shown: shown.length, total: d.restored.length }), { color: "warning", size: "small" }));
    body.push(text(k("restoredNotice"), { isSubtle: true, size: "small" }));
  }
  const actions: Action[] = [];
  if (offer) {
    body.push(text(k("restoreTitle"), { weight: "bolder", spacing: "large", separator: true }));
    body.push({ type: "Input.Text", id: RESTORE_INPUT, isMultiline: true, placeholder: k("restorePlaceholder"), maxLength: 100_000 });
    actions.push(restoreAction(d.lang, d.mapping, d.surface));
  }
  return adaptiveCard(body, { actions, fallbackText: title });
}
