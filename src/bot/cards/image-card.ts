// The AI-image reminder: what was found (or what the user wrote), the caption the pack
// requires quoted verbatim with its section and rule, the pack's other image rules, and
// "Skapa märkt kopia" when there is an image to label.
import type { EvidenceKind } from "../../images";
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, text, type Action, type AdaptiveCard, type Element } from "./adaptive-card";
import { citationBlock } from "./citations";
import type { LabelRules } from "../images/labelling";
import { IMAGE_COPY_VERB, type ImageCopyRequest } from "../images/action";

export type ImageCardKind =
  /** provenance says AI */
  | "ai"
  /** a weaker trace */
  | "likely"
  /** the user wrote it, no image */
  | "claim"
  /** an image without traces, but the user wrote it is AI-made */
  | "claimImage";

export interface ImageCardData {
  lang: LocaleLang;
  kind: ImageCardKind;
  generator?: string;
  /** kinds of evidence that point to AI, in file order */
  evidence: EvidenceKind[];
  /** a C2PA manifest was read but its signature not verified */
  unverified: boolean;
  rules: LabelRules;
  /** the button's data: present when there is an image to label */
  copy?: ImageCopyRequest;
  /** no image yet: invite the user to send it (1:1 only) */
  sendHint?: boolean;
}

export function imageCard(d: ImageCardData): AdaptiveCard {
  const k = (key: string, vars?: Record<string, string | number>) => t(d.lang, "image-cards", key, vars);
  const title = k(d.kind === "ai" ? "title.ai" : d.kind === "likely" ? "title.likely" : "title.claim");
  const body: Element[] = [
    text(k("header", { organisation: d.rules.organisation }), { isSubtle: true, size: "small", spacing: "none" }),
    text(title, { weight: "bolder", size: "medium", style: "heading", color: d.kind === "likely" ? "default" : "attention" }),
    text(intro(d, k)),
  ];
  const evidence = d.kind === "ai" || d.kind === "likely" ? [...new Set(d.evidence)].map((e) => k(`evidence.${e}`)) : [k("evidence.claim")];
  body.push({
    type: "FactSet",
    spacing: "small",
    facts: [
      { title: k("fact.tool"), value: d.generator ?? k("fact.unknownTool") },
      { title: k("fact.evidence"), value: capitalise(evidence.join("; ")) },
    ],
  });
  if (d.unverified) body.push(text(k("evidence.unverified"), { isSubtle: true, size: "small", spacing: "none" }));

  body.push(text(k("label.heading"), { weight: "bolder", spacing: "medium", separator: true }));
  body.push(text(d.rules.captionFromPack ? k("label.fromPack", { organisation: d.rules.organisation }) : k("label.neutral")));
  body.push(text(k("label.caption", { caption: d.rules.caption }), { weight: "bolder", spacing: "small" }));
  for (const c of d.rules.captionCitations) body.push(citationBlock(d.lang, d.rules.organisation, c));

  if (d.rules.rulesSummary || d.rules.ruleCitations.length) {
    body.push(text(k("rules.heading"), { weight: "bolder", spacing: "medium" }));
    if (d.rules.rulesSummary) body.push(text(d.rules.rulesSummary));
    if (d.rules.ruleCitations.length) body.push(text(k("rules.quotesNote"), { isSubtle: true, size: "small", spacing: "small" }));
    for (const c of d.rules.ruleCitations) body.push(citationBlock(d.lang, d.rules.organisation, c));
  }
  if (d.sendHint) body.push(text(k("hint.sendImage"), { isSubtle: true, spacing: "medium" }));

  const actions: Action[] = [];
  if (d.copy) {
    const label = k("action.copy");
    actions.push({
      type: "Action.Execute",
      title: label,
      verb: IMAGE_COPY_VERB,
      data: { ...d.copy },
      style: "positive",
      fallback: { type: "Action.Submit", title: label, data: { verb: IMAGE_COPY_VERB, ...d.copy } },
    });
  }
  return adaptiveCard(body, { actions, fallbackText: `${title} · ${d.rules.caption}` });
}

function intro(d: ImageCardData, k: (key: string, vars?: Record<string, string | number>) => string): string {
  if (d.kind === "ai") return k("intro.ai");
  if (d.kind === "likely") return k("intro.likely");
  const key = d.kind === "claim" ? "intro.claim" : "intro.claimImage";
  return d.generator ? k(key, { generator: d.generator }) : k(`${key}Generic`);
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
