// decisions.json: a pack's decision table (policies/DECISIONS.md). Each row names the
// situation a policy rules on (kind of information, kind of tool, use; or a duty) and
// what it rules, with the passages it rests on. Validated at start-up like pack.json.
import { FIELDS } from "./material-kinds";
import { z } from "zod";
import { packCitationSchema } from "../pack-schema";
import type { Citation } from "../types";

export const INFO_KINDS = ["open", "internal", "customer", "personal", "special", "secret", "copyright", "images-of-people", "own-images", "code"] as const;
export const TOOL_KINDS = ["public", "approved", "copilot", "embedded", "unknown"] as const;
export const USES = ["paste", "summarise", "translate", "draft", "images", "decide", "publish", "unchecked", "undisclosed", "unapproved", "unsure", "casework", "access", "code", "buy", "use"] as const;
export const DUTIES = ["approval", "label", "check-output", "risk-analysis", "dpia", "report", "notify-authority", "document", "training", "read-terms"] as const;

export type InfoKind = (typeof INFO_KINDS)[number];
export type ToolKind = (typeof TOOL_KINDS)[number];
export type Use = (typeof USES)[number];
export type Duty = (typeof DUTIES)[number];
export type Ask = "may" | "must";
export type RowVerdict = "yes" | "no" | "conditional";

/** a slot's values, or ["any"]: the row holds whatever the question says there */
const slot = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.tuple([z.literal("any")]), z.array(z.enum(values)).min(1, "at least one value, or [\"any\"]")]);

const bilingual = z.strictObject({ sv: z.string().trim().min(1), en: z.string().trim().min(1) });

export const decisionRowSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes"),
    ask: z.enum(["may", "must"]),
    info: slot(INFO_KINDS),
    tool: slot(TOOL_KINDS),
    use: slot(USES),
    duty: slot(DUTIES).optional(),
    verdict: z.enum(["yes", "no", "conditional"]),
    condition: bilingual.optional(),
    /** the condition is met by the situation itself when the question's information is only of these kinds */
    metBy: z.strictObject({ info: z.array(z.enum(INFO_KINDS)).min(1) }).optional(),
    /** the row holds only when the question also names one of these uses (an image shown without its caption) */
    alsoUse: z.array(z.enum(USES)).min(1).optional(),
    citations: z.array(packCitationSchema).min(1, "a row must cite the text it rests on").max(3),
    note: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.verdict === "conditional" && !r.condition) ctx.addIssue({ code: "custom", path: ["condition"], message: "a conditional row states its condition" });
    if (r.verdict !== "conditional" && r.condition) ctx.addIssue({ code: "custom", path: ["condition"], message: "only a conditional row has a condition" });
    if (r.verdict !== "conditional" && r.metBy) ctx.addIssue({ code: "custom", path: ["metBy"], message: "only a conditional row's condition can be met" });
    if (r.ask === "must" && !r.duty) ctx.addIssue({ code: "custom", path: ["duty"], message: "a must row names the duty" });
    if (r.ask === "may" && r.duty) ctx.addIssue({ code: "custom", path: ["duty"], message: "only a must row names a duty" });
  });

/** who a policy says it applies to ("alla anställda, uppdragstagare och samarbetspartners") */
export const SCOPE_GROUPS = ["staff", "contractors", "partners", "interns", "politicians", "everyone-with-access"] as const;
export type ScopeGroup = (typeof SCOPE_GROUPS)[number];

/** what a policy says can follow from breaking it: measures at work, or a crime */
export const CONSEQUENCE_KINDS = ["disciplinary", "criminal"] as const;
export type ConsequenceKind = (typeof CONSEQUENCE_KINDS)[number];

/** who a policy can make responsible for a duty */
export const ROLES = ["ceo", "management", "business-manager", "manager", "board", "system-owner", "it", "dpo", "security", "legal", "contractor", "employee"] as const;
export type Role = (typeof ROLES)[number];

export const decisionsFileSchema = z.strictObject({
  /** the groups the policy's scope statement names, with that statement quoted */
  scope: z.strictObject({ groups: z.array(z.enum(SCOPE_GROUPS)).min(1), citations: z.array(packCitationSchema).min(1).max(2) }).optional(),
  /** words the policy itself gives as examples of a kind of information ("affärskritisk (utbildningsmaterial, ekonomi …)"), matched as word starts */
  terms: z
    .partialRecord(
      z.enum(INFO_KINDS),
      z.array(z.string().trim().min(3).max(60).refine((t) => !t.startsWith("@") || t.slice(1) in FIELDS, { message: `a field is one of ${Object.keys(FIELDS).map((f) => "@" + f).join(", ")}` })).min(1),
    )
    .optional(),
  /** AI products the policy itself names and classes ("ett upphandlat AI-system som till exempel SveaGPT") */
  toolTerms: z.partialRecord(z.enum(TOOL_KINDS), z.array(z.string().trim().min(3).max(60)).min(1)).optional(),
  decisions: z.array(decisionRowSchema),
  /** what the policy says can follow from breaking it ("kan upprepade eller grova överträdelser … leda till åtgärder"), with that rule quoted */
  consequences: z
    .array(
      z.strictObject({
        kind: z.enum(CONSEQUENCE_KINDS),
        /** "conditional": only in some cases, which the condition names; "yes": it can follow */
        verdict: z.enum(["yes", "conditional"]),
        condition: bilingual.optional(),
        citations: z.array(packCitationSchema).min(1).max(2),
        note: z.string().optional(),
      }),
    )
    .optional(),
  /** who the policy makes responsible for a duty ("Varje nämnd ansvarar för att genomföra erforderliga analyser"), with that rule quoted */
  responsibilities: z
    .array(z.strictObject({ duty: z.array(z.enum(DUTIES)).min(1), roles: z.array(z.enum(ROLES)).min(1), citations: z.array(packCitationSchema).min(1).max(2), note: z.string().optional() }))
    .optional(),
});

type Slot<T> = "any" | T[];

/** a row as the engine reads it: slots normalised, citations resolved to passages' text */
export interface DecisionRow {
  id: string;
  ask: Ask;
  info: Slot<InfoKind>;
  tool: Slot<ToolKind>;
  use: Slot<Use>;
  duty: Slot<Duty>;
  verdict: RowVerdict;
  condition?: { sv: string; en: string };
  metBy?: { info: InfoKind[] };
  alsoUse?: Use[];
  citations: Citation[];
}

/** who a pack's policy applies to, and the passage that says so */
export interface PackScope {
  groups: ScopeGroup[];
  citations: Citation[];
}

/** what can follow from breaking the policy, with the rule that says so */
export interface Consequence {
  kind: ConsequenceKind;
  verdict: "yes" | "conditional";
  condition?: { sv: string; en: string };
  citations: Citation[];
}

/** a duty and the roles the policy gives it to, with the rule that says so */
export interface Responsibility {
  duty: Duty[];
  roles: Role[];
  citations: Citation[];
}

/** a pack's own examples of kinds of information */
export type InfoTerms = Partial<Record<InfoKind, string[]>>;
/** a pack's own names of AI products, by the kind of tool it classes them as */
export type ToolTerms = Partial<Record<ToolKind, string[]>>;

export function normaliseSlot<T extends string>(v: readonly string[] | undefined): Slot<T> {
  return !v || v[0] === "any" ? "any" : (v as T[]);
}
