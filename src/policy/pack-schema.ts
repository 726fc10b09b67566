// zod schemas for pack.json and faq.json, mirroring PackFacts and FaqEntry in types.ts.
// Objects are strict: a misspelt field in an organisation's own pack is an error, not ignored.
import { z } from "zod";
import type { ApproverRole, FaqEntry, ToolClass } from "./types";

export const PACK_ID_RE = /^[a-z0-9-]+$/;

const text = z.string().trim().min(1, "must not be empty");
const bilingual = z.strictObject({ sv: text, en: text });

export const approverRoles = ["nearest-manager", "responsible-manager", "head-of-operations", "ceo", "none", "other"] as const satisfies readonly ApproverRole[];
export const toolClasses = ["public", "approved", "forbidden", "needs-analysis"] as const satisfies readonly ToolClass[];

/** a citation as written in pack.json; the loader adds the policy id */
export const packCitationSchema = z.strictObject({
  section: text,
  /** rule letter, or null where the passage has none */
  rule: z.string().regex(/^[A-ZÅÄÖ][0-9]?$/, "a rule letter such as \"D\"").nullable(),
  quote: text,
});

const fact = z.strictObject({
  summary: bilingual,
  citations: z.array(packCitationSchema),
});

const approverFact = fact.extend({ role: z.enum(approverRoles) });
const toolFact = fact.extend({ class: z.enum(toolClasses) });

export const packFactsSchema = z.strictObject({
  organisation: z.strictObject({
    name: text,
    kind: z.enum(["municipality", "company", "region", "authority", "other"]),
    shortName: text.optional(),
  }),
  title: text,
  version: text.optional(),
  language: z.literal("sv"),
  contact: bilingual,
  approvals: z.strictObject({
    aiUse: approverFact,
    purchase: approverFact.optional(),
    personalData: approverFact.optional(),
    /** information no one may approve for any AI tool: "never" requests are refused with these quotes */
    never: z.array(z.strictObject({ infoKinds: z.array(z.enum(["personal", "sensitive", "secret", "customer"])).min(1), citations: z.array(packCitationSchema).min(1) })).optional(),
  }),
  tools: z.strictObject({
    publicAi: toolFact,
    copilot: toolFact,
  }),
  imageLabel: z.strictObject({ text, citations: z.array(packCitationSchema) }).optional(),
  imageRules: fact.optional(),
  incidents: fact.extend({ steps: z.array(packCitationSchema) }),
  dataRules: z.strictObject({
    personalData: z.array(packCitationSchema),
    specialCategory: z.array(packCitationSchema),
    secrecy: z.array(packCitationSchema),
    credentials: z.array(packCitationSchema),
    customerData: z.array(packCitationSchema).optional(),
  }),
});

export const packFileSchema = z.strictObject({
  /** must equal the pack's folder name */
  id: z.string().regex(PACK_ID_RE, "lowercase letters, digits and dashes"),
  facts: packFactsSchema,
});

export const faqEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes"),
  questions: z.array(text).min(1, "at least one question"),
  verdict: bilingual,
  citations: z
    .array(
      z.strictObject({
        section: text,
        rule: packCitationSchema.shape.rule.optional(),
        quote: text,
      }),
    )
    .min(1, "an answer must cite at least one passage"),
});

export const faqFileSchema = z.array(faqEntrySchema);

export type PackFile = z.infer<typeof packFileSchema>;
export type PackCitation = z.infer<typeof packCitationSchema>;

// compile-time check that the schema and the shared type agree
type _FaqAgrees = z.infer<typeof faqEntrySchema> extends FaqEntry ? true : never;
const _faqAgrees: _FaqAgrees = true;
void _faqAgrees;
