// What the reporter sees once the form is sent: a read-only receipt with the reference
// number, the truth about where the report is (filed, or saved and filed later), the
// pack's immediate steps quoted verbatim with section and rule, and for personal data
// the 72-hour IMY deadline in the user's time zone and who decides on notifying IMY.
import type { Incident } from "../../incidents";
import type { Citation } from "../../policy/types";
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, text, type AdaptiveCard, type Element } from "../cards/adaptive-card";
import { citationBlock } from "../cards/citations";
import { formatInstant } from "./time-zone";
import { plain } from "./plain";

export type ReceiptState = { kind: "filed" } | { kind: "queued"; reason: "unreachable" | "rejected" };

export interface ReceiptCardData {
  lang: LocaleLang;
  organisation: string;
  timeZone: string;
  state: ReceiptState;
  /** the same card submitted again: the first report stands */
  replay: boolean;
  /** what the service stored (a replayed, already-filed report may carry only id and reference) */
  incident: Pick<Incident, "reference"> & Partial<Incident>;
  /** facts.incidents.steps of the pack, quoted verbatim */
  steps: Citation[];
  /** facts.incidents.summary in the user's language: the pack's incident routine */
  routine: string;
  /** facts.contact in the user's language */
  contact: string;
  /** show what was written (1:1 chat only: in a channel everyone sees the card) */
  showDescription: boolean;
}

export function receiptCard(d: ReceiptCardData): AdaptiveCard {
  const k = (key: string, vars?: Record<string, string | number>) => t(d.lang, "incidents", key, vars);
  const i = d.incident;
  const queued = d.state.kind === "queued";
  const title = k(queued ? "receipt.titleQueued" : "receipt.titleFiled");
  const facts = [{ title: k("receipt.reference"), value: i.reference }];
  if (i.reportedAt) facts.push({ title: k("receipt.reportedAt"), value: formatInstant(i.reportedAt, d.timeZone, d.lang) });
  if (i.occurredAt) facts.push({ title: k("receipt.occurredAt"), value: formatInstant(i.occurredAt, d.timeZone, d.lang) });
  if (i.tool) facts.push({ title: k("receipt.tool"), value: i.tool });
  if (i.infoKinds?.length) facts.push({ title: k("receipt.kinds"), value: i.infoKinds.map((x) => k(`kind.${x}`)).join(", ") });

  const body: Element[] = [
    text(title, { size: "large", weight: "bolder", style: "heading", color: queued ? "warning" : "good" }),
    { type: "FactSet", facts, spacing: "small" },
    text(k(d.state.kind === "filed" ? "receipt.filed" : d.state.reason === "rejected" ? "receipt.queuedRejected" : "receipt.queuedUnreachable", { contact: d.contact }), { spacing: "medium" }),
  ];
  if (d.replay) body.push(text(k("receipt.replay"), { isSubtle: true, size: "small" }));
  if (d.showDescription && i.description) {
    body.push({ type: "Container", style: "emphasis", spacing: "small", items: [text(k("receipt.description"), { weight: "bolder", size: "small" }), text(i.description, { spacing: "none" })] });
  }
  if (i.personalData && i.imyDeadline) {
    body.push({
      type: "Container",
      style: "attention",
      spacing: "medium",
      items: [
        text(k("receipt.personalHeading"), { weight: "bolder" }),
        text(k("receipt.imyDeadline", { deadline: formatInstant(i.imyDeadline, d.timeZone, d.lang) }), { spacing: "small" }),
        text(k("receipt.whoDecides", { organisation: d.organisation }), { spacing: "small" }),
        text(d.routine, { spacing: "small", isSubtle: true }),
      ],
    });
  }
  if (d.steps.length) {
    body.push(text(k("receipt.stepsHeading", { organisation: d.organisation }), { weight: "bolder", spacing: "medium" }));
    for (const c of d.steps) body.push(citationBlock(d.lang, d.organisation, c));
  }
  body.push(text(k("receipt.keepReference", { reference: i.reference }), { isSubtle: true, size: "small", spacing: "medium" }));
  return plain(adaptiveCard(body, { fallbackText: `${title}: ${i.reference}` }));
}
