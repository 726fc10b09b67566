// The tools a request form offers, read from the pack's facts: the publicly available AI
// tools and Copilot (classed by the pack), a system the organisation procured or judged
// secure, and a free field. Labels come from the locale files (src/locales/*/approvals.json).
import { t, type LocaleLang } from "../locales";
import type { Citation, PackFacts } from "../policy/types";
import { APPROVAL_INFO_KINDS, type ApprovalInfoKind, type ApprovalToolClass, type ToolChoice } from "./model";

export interface ToolOption {
  choice: ToolChoice;
  label: string;
  class: ApprovalToolClass;
  /** the pack's plain-language rule for this kind of tool, and the passages it rests on */
  summary?: string;
  citations: Citation[];
}

/** the kinds of tool a form offers, in order; "other" is the free field */
export function toolOptions(facts: PackFacts, lang: LocaleLang): ToolOption[] {
  const { publicAi, copilot } = facts.tools;
  return [
    { choice: "public-ai", label: t(lang, "approvals", "tool.public-ai"), class: publicAi.class, summary: publicAi.summary[lang], citations: publicAi.citations },
    { choice: "copilot", label: t(lang, "approvals", "tool.copilot"), class: copilot.class, summary: copilot.summary[lang], citations: copilot.citations },
    { choice: "secure", label: t(lang, "approvals", "tool.secure"), class: "secure", citations: [] },
    // a tool typed in is treated as publicly available until an approver says otherwise:
    // the strictest data rules apply to it (see rules.ts)
    { choice: "other", label: t(lang, "approvals", "tool.other"), class: "public", citations: publicAi.citations },
  ];
}

export function toolClassOf(facts: PackFacts, choice: ToolChoice): ApprovalToolClass {
  switch (choice) {
    case "public-ai":
      return facts.tools.publicAi.class;
    case "copilot":
      return facts.tools.copilot.class;
    case "secure":
      return "secure";
    case "other":
      return "public";
  }
}

export function infoKindOptions(lang: LocaleLang): { id: ApprovalInfoKind; label: string }[] {
  return APPROVAL_INFO_KINDS.map((id) => ({ id, label: t(lang, "approvals", `info.${id}`) }));
}
