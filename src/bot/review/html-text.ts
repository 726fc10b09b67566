// HTML from a Teams message (messagePayload.body.content of a message action) to plain
// text: each block element (paragraph, div, list item, row) starts a new line, list items
// get a dash, table cells a tab; entities are decoded; script/style and images are dropped.
// Mentions keep their text: a mentioned person's name is part of what would be pasted.
// The HTML is the user's: every step runs in time linear in it (see src/text/tags.ts).
import { decodeEntities } from "../../documents/docx";
import { trimLineEnds } from "../../text/lines";
import { indexOfIgnoreCase, isJsSpace, isWordChar, NextIndex, replaceTags, startsWithIgnoreCase, tagNamed } from "../../text/tags";

const BLOCKS = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "thead", "tbody", "blockquote", "pre", "section", "article", "header", "footer"]);
const MARK = "\u0001";
const RAW_TEXT = ["script", "style", "template"];

const HTML_NAMED: Record<string, string> = {
  nbsp: " ", ndash: "–", mdash: "—", hellip: "…", laquo: "«", raquo: "»", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”",
  aring: "å", auml: "ä", ouml: "ö", Aring: "Å", Auml: "Ä", Ouml: "Ö", eacute: "é", Eacute: "É", uuml: "ü", Uuml: "Ü",
  copy: "©", reg: "®", euro: "€", sect: "§", deg: "°", bull: "•", middot: "·", shy: "",
};

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  let s = removeComments(html);
  s = removeRawText(s)
    .replace(/\r\n?|\n/g, " ") // line breaks in the source are not visible in HTML
    .replace(/<br\s*\/?>/gi, "\n");
  s = replaceTags(s, (t, i) => startsWithIgnoreCase(t, i + 1, "li") && !isWordChar(t.charCodeAt(i + 3)), `${MARK}- `).replace(/<\/t[dh]\s*>/gi, "\t");
  s = replaceTags(s, (t, i) => tagNamed(t, i, BLOCKS, 10), MARK);
  // one line break per block boundary, however many tags meet there
  const marked = joinMarks(replaceTags(s, () => true, ""));
  const decoded = decodeEntities(marked.replace(/&([a-zA-Z]{2,8});/g, (m, name: string) => HTML_NAMED[name] ?? m)).replace(/\u00a0/g, " ");
  return trimLineEnds(decoded)
    .replace(/\n +/g, "\n")
    .replace(/ {2,}/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** s.replace(/<!--[\s\S]*?-->/g, "") */
function removeComments(s: string): string {
  let out = "";
  let kept = 0;
  for (let i = s.indexOf("<!--"); i >= 0; i = s.indexOf("<!--", kept)) {
    const end = s.indexOf("-->", i + 4);
    if (end < 0) break; // an unclosed comment, and no later one can close either
    out += s.slice(kept, i);
    kept = end + 3;
  }
  return kept === 0 ? s : out + s.slice(kept);
}

/** s.replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, "") */
function removeRawText(s: string): string {
  const closes = RAW_TEXT.map((name) => new NextIndex((from) => closingTag(s, name, from)));
  let out = "";
  let kept = 0;
  for (let i = s.indexOf("<"); i >= 0; i = s.indexOf("<", i + 1)) {
    const k = RAW_TEXT.findIndex((name) => startsWithIgnoreCase(s, i + 1, name) && !isWordChar(s.charCodeAt(i + 1 + name.length)));
    if (k < 0) continue;
    const close = closes[k].after(i + 1 + RAW_TEXT[k].length);
    if (close < 0) continue;
    out += s.slice(kept, i);
    kept = s.indexOf(">", close) + 1; // only white space between the name and its ">"
    i = kept - 1;
  }
  return kept === 0 ? s : out + s.slice(kept);
}

/** where the first "</name\s*>" (any case) at or after pos starts, or -1 */
function closingTag(s: string, name: string, pos: number): number {
  for (let c = indexOfIgnoreCase(s, `</${name}`, pos); c >= 0; c = indexOfIgnoreCase(s, `</${name}`, c + 1)) {
    let k = c + 2 + name.length;
    while (k < s.length && isJsSpace(s.charCodeAt(k))) k++;
    if (s.charCodeAt(k) === 62) return c;
  }
  return -1;
}

/** each run of MARKs with only spaces and tabs between them to one line break (the regex MARK(?:[ \t]*MARK)* done in one pass) */
function joinMarks(s: string): string {
  let out = "";
  let kept = 0;
  for (let i = s.indexOf(MARK); i >= 0; i = s.indexOf(MARK, kept)) {
    let end = i + 1;
    for (;;) {
      let k = end;
      while (k < s.length && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k++;
      if (s.charCodeAt(k) !== 1) break;
      end = k + 1;
    }
    out += s.slice(kept, i) + "\n";
    kept = end;
  }
  return kept === 0 ? s : out + s.slice(kept);
}
