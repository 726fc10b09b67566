// The incident card's actions, validated at the edge (zod): "open a form" and "submit
// the form". The inputs themselves are untrusted text handed to the incident service,
// which validates and cleans every field; here they are only picked and typed.
import { z } from "zod";

export const INCIDENT_OPEN_VERB = "incidentOpen";
export const INCIDENT_SUBMIT_VERB = "incidentSubmit";

/** the form's input ids, as the card submits them */
export const INPUT_IDS = [
  "description",
  "occurredDate",
  "occurredTime",
  "discoveredDate",
  "discoveredTime",
  "endedDate",
  "endedTime",
  "tool",
  "toolOther",
  "infoKinds",
  "peopleAffected",
  "actionsTaken",
  "dataSubjects",
  "likelyConsequences",
  "severity",
  "informedDate",
  "informedTime",
  "subjectsInformedNote",
] as const;
export type InputId = (typeof INPUT_IDS)[number];
export type FormInputs = Partial<Record<InputId, string>>;

export interface IncidentSubmit {
  /** the form token (checked by the service: forged, not yours, expired) */
  token: unknown;
  inputs: FormInputs;
  /** the language the form was drawn in */
  lang?: "sv" | "en";
}

const data = z.record(z.string(), z.unknown());
const openInvoke = z.object({ action: z.object({ type: z.literal("Action.Execute"), verb: z.literal(INCIDENT_OPEN_VERB) }) });
const submitInvoke = z.object({ action: z.object({ type: z.literal("Action.Execute"), verb: z.literal(INCIDENT_SUBMIT_VERB), data }) });
const openMessage = z.object({ verb: z.literal(INCIDENT_OPEN_VERB) });
const submitMessage = data.and(z.object({ verb: z.literal(INCIDENT_SUBMIT_VERB) }));

/** text inputs only: a number (Input.Number) becomes its text, anything else counts as empty */
export function pickInputs(d: Record<string, unknown>): FormInputs {
  const out: FormInputs = {};
  for (const id of INPUT_IDS) {
    const v = d[id];
    if (typeof v === "string") out[id] = v;
    else if (typeof v === "number" && Number.isFinite(v)) out[id] = String(v);
  }
  return out;
}

function toSubmit(d: Record<string, unknown>): IncidentSubmit {
  return { token: d.token, inputs: pickInputs(d), lang: d.lang === "sv" || d.lang === "en" ? d.lang : undefined };
}

/** the language an "open the form" button was drawn in */
export function openLang(value: unknown): "sv" | "en" | undefined {
  const v = value as { action?: { data?: { lang?: unknown } }; lang?: unknown } | undefined;
  const l = v?.action?.data?.lang ?? v?.lang;
  return l === "sv" || l === "en" ? l : undefined;
}

export function parseIncidentOpenInvoke(value: unknown): boolean {
  return openInvoke.safeParse(value).success;
}

export function parseIncidentSubmitInvoke(value: unknown): IncidentSubmit | undefined {
  const r = submitInvoke.safeParse(value);
  return r.success ? toSubmit(r.data.action.data) : undefined;
}

/** Action.Submit fallback: a message whose value is the button's data merged with the inputs */
export function parseIncidentOpenSubmit(value: unknown): boolean {
  return openMessage.safeParse(value).success;
}

export function parseIncidentSubmitMessage(value: unknown): IncidentSubmit | undefined {
  const r = submitMessage.safeParse(value);
  return r.success ? toSubmit(r.data) : undefined;
}

// ---- the dialog (task module): Teams sends the button's or the form's data as `value.data` ----

/** what a task/fetch or task/submit invoke carries: the Action.Submit's data (and the inputs, on submit) */
const taskValue = z.object({ data: data });

/** task/fetch from an "open the form" button: the language it was drawn in, or undefined when not ours */
export function parseIncidentDialogFetch(value: unknown): { lang?: "sv" | "en" } | undefined {
  const r = taskValue.safeParse(value);
  if (!r.success || r.data.data.verb !== INCIDENT_OPEN_VERB) return undefined;
  return { lang: openLang(r.data.data) };
}

/** task/submit from the dialog's form */
export function parseIncidentDialogSubmit(value: unknown): IncidentSubmit | undefined {
  const r = taskValue.safeParse(value);
  if (!r.success || r.data.data.verb !== INCIDENT_SUBMIT_VERB) return undefined;
  return toSubmit(r.data.data);
}

/** an "open the form" button: a dialog in Teams (task/fetch); clients without dialogs send it as a message, and get the form in the chat */
export function openDialogData(lang: "sv" | "en"): Record<string, unknown> {
  return { msteams: { type: "task/fetch" }, verb: INCIDENT_OPEN_VERB, lang };
}
