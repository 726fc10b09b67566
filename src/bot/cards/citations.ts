// Quotes shown verbatim, each with its "Källa: <organisation>, <section>, regel X" line.
import type { Citation } from "../../policy/types";
import { t, type LocaleLang } from "../../locales";
import { text, type Container } from "./adaptive-card";

export function sourceLine(lang: LocaleLang, organisation: string, c: Citation): string {
  return c.rule
    ? t(lang, "bot", "answer.source", { organisation, section: c.section, rule: c.rule })
    : t(lang, "bot", "answer.sourceNoRule", { organisation, section: c.section });
}

export function citationBlock(lang: LocaleLang, organisation: string, c: Citation): Container {
  return {
    type: "Container",
    style: "emphasis",
    spacing: "small",
    items: [text(`”${c.quote}”`, { spacing: "none" }), text(sourceLine(lang, organisation, c), { isSubtle: true, size: "small", spacing: "small" })],
  };
}
