// The approval cards' actions, validated at the edge (zod): the request form's submit,
// the approver's decision and the card refresh. Field values stay untrusted text for the
// approvals service, which validates them; the token in the data is what binds a card
// to one request and one person (HMAC, checked by the service).
import { z } from "zod";

export const APPROVAL_SUBMIT_VERB = "approvalSubmit";
export const APPROVAL_DECIDE_VERB = "approvalDecide";
export const APPROVAL_REFRESH_VERB = "approvalRefresh";

/** the form's input ids, as the card submits them */
export const FORM_INPUTS = ["tool", "toolName", "purpose", "infoKinds", "purchase", "validFrom", "validUntil"] as const;
export type FormInput = (typeof FORM_INPUTS)[number];

const lang = z.enum(["sv", "en"]).optional().catch(undefined);
const token = z.string().min(1).max(1000);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export interface FormSubmit {
  token: string;
  fields: Partial<Record<FormInput, string>>;
  lang?: "sv" | "en";
}

export interface DecideSubmit {
  /** passed to the service as is: it refuses malformed or altered data itself */
  data: { requestId: unknown; decision: unknown; comment: unknown; token: unknown };
  lang?: "sv" | "en";
}

export interface RefreshSubmit {
  requestId: string;
  lang?: "sv" | "en";
}

const formData = z.looseObject({ token, lang });
const decideData = z.looseObject({ requestId: z.unknown().optional(), decision: z.unknown().optional(), token: z.unknown().optional(), comment: z.unknown().optional(), lang });
const refreshData = z.looseObject({ requestId: uuid, lang });

const invoke = <V extends string, T extends z.ZodType>(verb: V, data: T) => z.object({ action: z.object({ type: z.literal("Action.Execute"), verb: z.literal(verb), data }) });

function fields(d: Record<string, unknown>): FormSubmit["fields"] {
  const out: FormSubmit["fields"] = {};
  for (const id of FORM_INPUTS) {
    const v = d[id];
    if (typeof v === "string") out[id] = v;
    else if (typeof v === "boolean") out[id] = String(v);
  }
  return out;
}

function toForm(d: z.infer<typeof formData>): FormSubmit {
  return { token: d.token, fields: fields(d), lang: d.lang };
}
function toDecide(d: z.infer<typeof decideData>): DecideSubmit {
  return { data: { requestId: d.requestId, decision: d.decision, comment: d.comment, token: d.token }, lang: d.lang };
}

export function parseFormInvoke(value: unknown): FormSubmit | undefined {
  const r = invoke(APPROVAL_SUBMIT_VERB, formData).safeParse(value);
  return r.success ? toForm(r.data.action.data) : undefined;
}
export function parseFormMessage(value: unknown): FormSubmit | undefined {
  const r = formData.extend({ verb: z.literal(APPROVAL_SUBMIT_VERB) }).safeParse(value);
  return r.success ? toForm(r.data) : undefined;
}
export function parseDecideInvoke(value: unknown): DecideSubmit | undefined {
  const r = invoke(APPROVAL_DECIDE_VERB, decideData).safeParse(value);
  return r.success ? toDecide(r.data.action.data) : undefined;
}
export function parseDecideMessage(value: unknown): DecideSubmit | undefined {
  const r = decideData.extend({ verb: z.literal(APPROVAL_DECIDE_VERB) }).safeParse(value);
  return r.success ? toDecide(r.data) : undefined;
}
export function parseRefreshInvoke(value: unknown): RefreshSubmit | undefined {
  const r = invoke(APPROVAL_REFRESH_VERB, refreshData).safeParse(value);
  return r.success ? { requestId: r.data.action.data.requestId, lang: r.data.action.data.lang } : undefined;
}

/** any approval verb, to tell "ours but malformed" from "not ours" */
export function isApprovalVerb(value: unknown): boolean {
  const v = value as { verb?: unknown; action?: { verb?: unknown } } | undefined;
  const verb = v?.action?.verb ?? v?.verb;
  return verb === APPROVAL_SUBMIT_VERB || verb === APPROVAL_DECIDE_VERB || verb === APPROVAL_REFRESH_VERB;
}
