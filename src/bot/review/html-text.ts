// HTML from a Teams message (messagePayload.body.content of a message action) to plain
// text: each block element (paragraph, div, list item, row) starts a new line, list items
// get a dash, table cells a tab; entities are decoded; script/style and images are dropped.
// Mentions keep their text: a mentioned person's name is part of what would be pasted.
import { decodeEntities } from "../../documents/docx";

const BLOCK = /<\/?(?:p|div|h[1-6]|li|ul|ol|tr|table|thead|tbody|blockquote|pre|section|article|header|footer)\b[^>]*>/gi;
const MARK = "\u0001";

const HTML_NAMED: Record<string, string> = {
  nbsp: " ", ndash: "–", mdash: "—", hellip: "…", laquo: "«", raquo: "»", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”",
  aring: "å", auml: "ä", ouml: "ö", Aring: "Å", Auml: "Ä", Ouml: "Ö", eacute: "é", Eacute: "É", uuml: "ü", Uuml: "Ü",
  copy: "©", reg: "®", euro: "€", sect: "§", deg: "°", bull: "•", middot: "·", shy: "",
};

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const marked = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/\r\n?|\n/g, " ") // line breaks in the source are not visible in HTML
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, `${MARK}- `)
    .replace(/<\/t[dh]\s*>/gi, "\t")
    .replace(BLOCK, MARK)
    .replace(/<[^>]*>/g, "")
    // one line break per block boundary, however many tags meet there
    .replace(new RegExp(`${MARK}(?:[ \\t]*${MARK})*`, "g"), "\n");
  return decodeEntities(marked.replace(/&([a-zA-Z]{2,8});/g, (m, name: string) => HTML_NAMED[name] ?? m))
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n +/g, "\n")
    .replace(/ {2,}/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
