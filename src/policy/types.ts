// Shared shapes of the policy capability. Pure data: no I/O here.
import type { Consequence, DecisionRow, InfoTerms, PackScope, Responsibility, ToolTerms } from "./decisions/schema";

export type Lang = "sv" | "en";

/** one quotable unit of a policy: a paragraph, a list item or a lettered rule. */
export interface Passage {
  /** stable id, e.g. "soderkoping#3.1#D" or "wenell#4#p2" */
  id: string;
  packId: string;
  /** section heading exactly as the policy writes it, e.g. "3.1 Personuppgifter" */
  section: string;
  /** rule letter where the policy letters its rules (Söderköping A–Y), else null */
  rule: string | null;
  /** verbatim (cleaned) policy text, the quote shown to the user */
  text: string;
  /** text that helps retrieval but is not quoted (e.g. a list's lead-in sentence) */
  context?: string;
  /** for a list item: id of the paragraph ending in ':' that introduces its list */
  leadIn?: string;
  /** questions this passage answers, written from the policy text (questions.jsonl): searched, never quoted, not counted as the policy's words */
  asked?: string[];
}

export interface Section {
  heading: string;
  passages: Passage[];
}

/** a pointer into the policy, as cited in answers, facts and review findings. */
export interface Citation {
  policy: string;
  section: string;
  rule: string | null;
  quote: string;
}

/** a pack's curated answer to one of its most asked questions. */
export interface FaqEntry {
  id: string;
  /** example phrasings, Swedish and English, used to match user questions */
  questions: string[];
  /** one-line verdict in plain words */
  verdict: { sv: string; en: string };
  /** passage references: each must resolve to a passage of the pack */
  citations: Array<{ section: string; rule?: string | null; quote: string }>;
}

export interface PolicyPack {
  id: string;
  dir: string;
  facts: PackFacts;
  sections: Section[];
  passages: Passage[];
  faq: FaqEntry[];
  /** the decision table (decisions.json): verdicts the policy's rules give, empty without one */
  decisions: DecisionRow[];
  /** the policy's own examples of kinds of information, for reading questions */
  decisionTerms: InfoTerms;
  /** the AI products the policy names, by the kind of tool it classes them as */
  decisionToolTerms: ToolTerms;
  /** who the policy says it applies to (decisions.json), if it says */
  scope?: PackScope;
  /** who the policy makes responsible for which duty (decisions.json) */
  responsibilities: Responsibility[];
  /** what the policy says can follow from breaking it (decisions.json) */
  consequences: Consequence[];
}

/** a structured fact: plain-language summary plus the passages it rests on. */
export interface Fact {
  summary: { sv: string; en: string };
  citations: Citation[];
}

/** structured facts other capabilities (review, images, incidents, approvals) read. */
export interface PackFacts {
  organisation: { name: string; kind: "municipality" | "company" | "region" | "authority" | "other"; shortName?: string };
  title: string;
  /** date or version of the policy as printed, if any */
  version?: string;
  language: "sv";
  /** where a user turns when the policy is silent */
  contact: { sv: string; en: string };
  approvals: {
    /** who approves using AI tools at all / a given tool */
    aiUse: Fact & { role: ApproverRole };
    /** who approves buying a tool, if the policy says */
    purchase?: Fact & { role: ApproverRole };
    /** who decides on personal data in an approved (procured/secure) AI system */
    personalData?: Fact & { role: ApproverRole };
    /** kinds of information no one may approve for any AI tool (Hjo: secret information), quoted */
    never?: Array<{ infoKinds: NeverInfoKind[]; citations: Citation[] }>;
  };
  tools: {
    publicAi: Fact & { class: ToolClass };
    copilot: Fact & { class: ToolClass };
  };
  /** the caption the policy requires next to AI images, verbatim, if it has one */
  imageLabel?: { text: string; citations: Citation[] };
  imageRules?: Fact;
  incidents: Fact & { steps: Citation[] };
  /** rules broken by each kind of sensitive content in a public AI tool (for draft review) */
  dataRules: {
    personalData: Citation[];
    specialCategory: Citation[];
    secrecy: Citation[];
    credentials: Citation[];
    customerData?: Citation[];
  };
}

/** kinds of information a pack can forbid in every AI tool (approvals.never) */
export type NeverInfoKind = "personal" | "sensitive" | "secret" | "customer";
export type ApproverRole = "nearest-manager" | "responsible-manager" | "head-of-operations" | "ceo" | "none" | "other";
export type ToolClass = "public" | "approved" | "forbidden" | "needs-analysis";

/** the answer capability's result, shared by the bot, the CLI and the tab. */
export interface Answer {
  lang: Lang;
  /** text shown to the user: verdict line (if any) + explanation, or the refusal */
  answer: string;
  /** the verdict line the answer leads with (from the pack's decision table), when it gives one */
  verdict?: string;
  /** what the verdict line says: yes, no, only on a condition; null for no verdict (who/what/how, it depends, refusal) */
  verdictKind: "yes" | "no" | "conditional" | null;
  citations: Citation[];
  /** 0..1 */
  confidence: number;
  /** true when the policy does not cover the question */
  refused: boolean;
}

/** all loaded packs plus question answering; built once at start-up (src/policy/library.ts). */
export interface PolicyLibrary {
  /** pack ids, sorted */
  ids(): string[];
  /** throws PackNotFoundError (with the known ids in its message) for an unknown id */
  get(packId: string): PolicyPack;
  /** answer a question from one pack; lang is detected from the question when omitted */
  ask(packId: string, question: string, opts?: { lang?: Lang }): Answer;
  /** builds a pack's search engine now if it is not built yet (a lazy library builds it on the first question) */
  index?(packId: string): void;
}
