// The edge: card submits (untrusted JSON) -> typed values, or field-level issues a card
// can show next to its inputs. Limits are the list schema's (infra/sharepoint/approvals.list.json).
import { z } from "zod";
import { cleanLine, cleanMultiline } from "../incidents/sanitize";
import { APPROVAL_INFO_KINDS, DAY_MS, TOOL_CHOICES, type ApprovalInfoKind, type ToolChoice } from "./model";

export const LIMITS = { toolName: 255, purpose: 4000, comment: 2000 } as const;
/** longest period a request may cover */
export const MAX_PERIOD_DAYS = 3 * 366;

export type IssueCode = "required" | "too_long" | "invalid" | "past" | "order" | "too_far";
export interface FieldIssue {
  field: string;
  code: IssueCode;
  limit?: number;
  /** English, for logs and the CLI; cards localise from field + code */
  message: string;
}

export interface ParsedForm {
  toolChoice: ToolChoice;
  toolName?: string;
  purpose: string;
  infoKinds: ApprovalInfoKind[];
  purchase: boolean;
  validFrom?: string;
  validUntil: string;
}

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const line = (max: number) => z.string().transform(cleanLine).pipe(z.string().max(max));
const multiline = (max: number) => z.string().transform(cleanMultiline).pipe(z.string().max(max));
/** Input.Date submits YYYY-MM-DD; a full ISO instant with a zone is accepted too */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/)
  .refine((s) => realDate(s.slice(0, 10)), { error: "not a real date" });
/** Input.Toggle submits "true"/"false" */
const flag = z.preprocess((v) => (v === "true" ? true : v === "false" || v === undefined || v === "" ? false : v), z.boolean());

const formSchema = z.object({
  tool: z.enum(TOOL_CHOICES),
  toolName: z.preprocess(emptyToUndefined, line(LIMITS.toolName).optional()),
  purpose: multiline(LIMITS.purpose),
  infoKinds: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").map((x) => x.trim()).filter(Boolean) : v),
    z.array(z.enum(APPROVAL_INFO_KINDS)).min(1).max(APPROVAL_INFO_KINDS.length),
  ),
  purchase: flag.default(false),
  validFrom: z.preprocess(emptyToUndefined, day.optional()),
  validUntil: day,
});

export type FormParse = { ok: true; value: ParsedForm } | { ok: false; issues: FieldIssue[] };

/** checks a request form; `now` decides what counts as the past. Unknown keys are ignored. */
export function parseRequestForm(input: unknown, now: number): FormParse {
  const r = formSchema.safeParse(input);
  if (!r.success) return { ok: false, issues: toIssues(r.error.issues, input, LIMITS) };
  const v = r.data;
  const issues: FieldIssue[] = [];
  if (v.tool === "other" && !v.toolName) issues.push({ field: "toolName", code: "required", message: "toolName is required when the tool is another one" });
  if (!v.purpose) issues.push({ field: "purpose", code: "required", message: "purpose is required" });
  const from = v.validFrom ? startOf(v.validFrom) : now;
  const until = endOf(v.validUntil);
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  if (v.validFrom && from < today) issues.push({ field: "validFrom", code: "past", message: "validFrom is in the past" });
  if (until < now) issues.push({ field: "validUntil", code: "past", message: "validUntil is in the past" });
  else if (until < from) issues.push({ field: "validUntil", code: "order", message: "validUntil is before validFrom" });
  else if (until - from > MAX_PERIOD_DAYS * DAY_MS) issues.push({ field: "validUntil", code: "too_far", message: `at most ${MAX_PERIOD_DAYS} days` });
  if (issues.length) return { ok: false, issues };
  const out: ParsedForm = { toolChoice: v.tool, purpose: v.purpose, infoKinds: [...new Set(v.infoKinds)], purchase: v.purchase, validUntil: new Date(until).toISOString() };
  if (v.toolName) out.toolName = v.toolName;
  if (v.validFrom) out.validFrom = new Date(from).toISOString();
  return { ok: true, value: out };
}

export interface ParsedDecision {
  requestId: string;
  decision: "approve" | "reject";
  comment?: string;
  token: string;
}

const decisionSchema = z.object({
  requestId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  decision: z.enum(["approve", "reject"]),
  comment: z.preprocess(emptyToUndefined, multiline(LIMITS.comment).optional()),
  token: z.string().min(1).max(1000),
});

export type DecisionParse = { ok: true; value: ParsedDecision } | { ok: false; issues: FieldIssue[] };

/** the approval card's submit: a rejection needs a reason the requester can read */
export function parseDecision(input: unknown): DecisionParse {
  const r = decisionSchema.safeParse(input);
  if (!r.success) return { ok: false, issues: toIssues(r.error.issues, input, LIMITS) };
  const v = r.data;
  if (v.decision === "reject" && !v.comment) return { ok: false, issues: [{ field: "comment", code: "required", message: "a rejection needs a comment" }] };
  const out: ParsedDecision = { requestId: v.requestId, decision: v.decision, token: v.token };
  if (v.comment) out.comment = v.comment;
  return { ok: true, value: out };
}

function toIssues(zi: z.core.$ZodIssue[], input: unknown, limits: Record<string, number>): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const i of zi) {
    const field = String(i.path[0] ?? "form");
    if (seen.has(field)) continue;
    seen.add(field);
    const raw = input && typeof input === "object" ? (input as Record<string, unknown>)[field] : undefined;
    if (i.code === "too_big" && field in limits) out.push({ field, code: "too_long", limit: limits[field], message: `${field}: at most ${limits[field]} characters` });
    else if (raw === undefined || raw === null || raw === "") out.push({ field, code: "required", message: `${field} is required` });
    else out.push({ field, code: "invalid", message: `${field}: ${i.message}` });
  }
  return out;
}

function realDate(ymd: string): boolean {
  const [y, m, d] = ymd.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** a bare date is the whole day, in UTC */
function startOf(s: string): number {
  return s.length === 10 ? Date.parse(`${s}T00:00:00Z`) : Date.parse(s);
}
function endOf(s: string): number {
  return s.length === 10 ? Date.parse(`${s}T23:59:59.999Z`) : Date.parse(s);
}
