// The edge: a card submit (untrusted JSON) -> IncidentFields, or field-level issues
// a card can show next to the inputs. Limits are the list schema's (infra/).
import { z } from "zod";
import { INFO_KINDS, SEVERITIES, type IncidentFields } from "./model";
import { cleanLine, cleanMultiline } from "./sanitize";

/** max characters per free-text field (SharePoint single-line text stops at 255) */
export const LIMITS = {
  tool: 255,
  description: 10_000,
  actionsTaken: 4_000,
  likelyConsequences: 4_000,
  dataSubjects: 1_000,
  subjectsInformedNote: 1_000,
} as const;

export const MAX_PEOPLE = 100_000_000;
/** a report about the future is a typing mistake; allow some clock skew */
const FUTURE_SLACK_MS = 10 * 60 * 1000;
const EARLIEST = Date.parse("2000-01-01T00:00:00Z");

export type IssueCode = "required" | "too_long" | "invalid" | "future" | "order";

export interface FieldIssue {
  /** the form field (IncidentFields key) */
  field: string;
  code: IssueCode;
  /** the limit broken, for too_long */
  limit?: number;
  /** English, for logs and the CLI; cards localise from field + code */
  message: string;
}

export type ParseResult = { ok: true; value: IncidentFields } | { ok: false; issues: FieldIssue[] };

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

function text(field: keyof typeof LIMITS, multiline: boolean, required: boolean) {
  const limit = LIMITS[field];
  const clean = z.string({ error: (i) => (i.input === undefined ? `${field} is required` : `${field} must be text`) }).transform((s) => (multiline ? cleanMultiline(s) : cleanLine(s)));
  const checked = clean.pipe(
    z
      .string()
      .max(limit, { error: `${field}: at most ${limit} characters` })
      .refine((s) => !required || s.length > 0, { error: `${field} is required` }),
  );
  return required ? checked : z.preprocess(emptyToUndefined, checked.optional()).transform((s) => (s === "" ? undefined : s));
}

/** ISO 8601 with a time zone (Z or +hh:mm); normalised to UTC */
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { error: "a date and time with time zone" })
  .refine(realDate, { error: "not a real date" })
  .transform((s) => new Date(Date.parse(s)).toISOString());

/** Date.parse turns 30 February into 2 March: check the calendar fields round-trip */
function realDate(s: string): boolean {
  const [y, m, d, h, mi] = s.slice(0, 16).split(/[-T:]/).map(Number);
  const t = new Date(Date.UTC(y, m - 1, d, h, mi));
  return !Number.isNaN(Date.parse(s)) && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && h < 24 && mi < 60;
}

const optionalInstant = z.preprocess(emptyToUndefined, instant.optional());

const formSchema = z.object({
  occurredAt: instant,
  discoveredAt: optionalInstant,
  endedAt: optionalInstant,
  tool: text("tool", false, true),
  infoKinds: z.preprocess(
    // Adaptive Cards' multi-select ChoiceSet submits "a,b,c"
    (v) => (typeof v === "string" ? v.split(",").map((x) => x.trim()).filter(Boolean) : v),
    z.array(z.enum(INFO_KINDS)).min(1, { error: "choose at least one kind of information" }).max(INFO_KINDS.length),
  ),
  peopleAffected: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(MAX_PEOPLE).optional()),
  dataSubjects: text("dataSubjects", true, false),
  description: text("description", true, true),
  actionsTaken: text("actionsTaken", true, false),
  likelyConsequences: text("likelyConsequences", true, false),
  severity: z.preprocess(emptyToUndefined, z.enum(SEVERITIES).optional()),
  subjectsInformedAt: optionalInstant,
  subjectsInformedNote: text("subjectsInformedNote", true, false),
});

/** checks a submitted form; `now` decides what counts as the future. Unknown keys are ignored. */
export function parseIncidentForm(input: unknown, now: number): ParseResult {
  const r = formSchema.safeParse(input);
  if (!r.success) {
    const issues = r.error.issues.map((i): FieldIssue => {
      const field = String(i.path[0] ?? "form");
      if (i.code === "too_big" && typeof i.maximum === "number" && field in LIMITS) {
        return { field, code: "too_long", limit: Number(i.maximum), message: `${field}: at most ${Number(i.maximum)} characters` };
      }
      const raw = input && typeof input === "object" ? (input as Record<string, unknown>)[field] : undefined;
      const missing = raw === undefined || raw === null || raw === "";
      const code: IssueCode = (missing && i.code === "invalid_type") || /is required$/.test(i.message) ? "required" : "invalid";
      return { field, code, message: code === "required" ? `${field} is required` : `${field}: ${i.message}` };
    });
    return { ok: false, issues: dedupe(issues) };
  }
  const v = r.data;
  const fields: IncidentFields = {
    occurredAt: v.occurredAt,
    discoveredAt: v.discoveredAt ?? new Date(now).toISOString(),
    tool: v.tool as string,
    infoKinds: [...new Set(v.infoKinds)],
    description: v.description as string,
  };
  if (v.endedAt) fields.endedAt = v.endedAt;
  if (v.peopleAffected !== undefined) fields.peopleAffected = v.peopleAffected;
  if (v.dataSubjects) fields.dataSubjects = v.dataSubjects;
  if (v.actionsTaken) fields.actionsTaken = v.actionsTaken;
  if (v.likelyConsequences) fields.likelyConsequences = v.likelyConsequences;
  if (v.severity) fields.severity = v.severity;
  if (v.subjectsInformedAt) fields.subjectsInformedAt = v.subjectsInformedAt;
  if (v.subjectsInformedNote) fields.subjectsInformedNote = v.subjectsInformedNote;

  const issues: FieldIssue[] = [];
  const t = (s: string) => Date.parse(s);
  for (const f of ["occurredAt", "discoveredAt", "endedAt"] as const) {
    const val = fields[f];
    if (val === undefined) continue;
    if (t(val) > now + FUTURE_SLACK_MS) issues.push({ field: f, code: "future", message: `${f} is in the future` });
    else if (t(val) < EARLIEST) issues.push({ field: f, code: "invalid", message: `${f} is before 2000` });
  }
  if (issues.length) return { ok: false, issues }; // one complaint per field is enough
  if (t(fields.discoveredAt) < t(fields.occurredAt)) issues.push({ field: "discoveredAt", code: "order", message: "discoveredAt is before occurredAt" });
  if (fields.endedAt && t(fields.endedAt) < t(fields.occurredAt)) issues.push({ field: "endedAt", code: "order", message: "endedAt is before occurredAt" });
  return issues.length ? { ok: false, issues } : { ok: true, value: fields };
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.field) ? false : (seen.add(i.field), true)));
}
