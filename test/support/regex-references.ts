// The text functions as they were before issue 10 made them linear: regexes that backtrack
// quadratically on long runs (100,000 spaces: 10 s). References for the tests, which check that
// the linear code gives the same output, and for bench/robustness.bench.ts's "before" figures.
import { decodeEntities } from "../../src/documents/docx";

export const before = {
  stripMentions: (t: string) => t.replace(/<at[^>]*>.*?<\/at>/gi, " ").replace(/<\/?(p|div|span)[^>]*>/gi, " ").replace(/&nbsp;/g, " ").replace(/\s+/g, " ").trim(),
  draftText: (raw: string) => raw.replace(/<at[^>]*>.*?<\/at>/gi, "").replace(/&nbsp;/g, " ").replace(/\r\n?/g, "\n").replace(/[ \t]+\n/g, "\n").trim(),
  cleanMultiline: (s: string) =>
    s
      .replace(/\r\n?/g, "\n")
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "")
      .replace(/[\u202A-\u202E\u2066-\u2069]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
      .normalize("NFC")
      .replace(/[ \t]+\n/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
  htmlToText(html: string): string {
    if (!/[<&]/.test(html)) return html.trim();
    const MARK = "\u0001";
    const named: Record<string, string> = {
      nbsp: " ", ndash: "–", mdash: "—", hellip: "…", laquo: "«", raquo: "»", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”",
      aring: "å", auml: "ä", ouml: "ö", Aring: "Å", Auml: "Ä", Ouml: "Ö", eacute: "é", Eacute: "É", uuml: "ü", Uuml: "Ü",
      copy: "©", reg: "®", euro: "€", sect: "§", deg: "°", bull: "•", middot: "·", shy: "",
    };
    const marked = html
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/\r\n?|\n/g, " ")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<li\b[^>]*>/gi, `${MARK}- `)
      .replace(/<\/t[dh]\s*>/gi, "\t")
      .replace(/<\/?(?:p|div|h[1-6]|li|ul|ol|tr|table|thead|tbody|blockquote|pre|section|article|header|footer)\b[^>]*>/gi, MARK)
      .replace(/<[^>]*>/g, "")
      .replace(new RegExp(`${MARK}(?:[ \\t]*${MARK})*`, "g"), "\n");
    return decodeEntities(marked.replace(/&([a-zA-Z]{2,8});/g, (m, name: string) => named[name] ?? m))
      .replace(/\u00a0/g, " ")
      .replace(/[ \t]+\n/g, "\n")
      .replace(/\n +/g, "\n")
      .replace(/ {2,}/g, " ")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  },
  wordXmlText(xml: string): string {
    const TOKEN = /<(\/?)(w:t|w:delText|w:instrText|w:tab|w:br|w:cr|w:p|w:tc|w:noBreakHyphen|w:softHyphen)(?=[\s/>])[^>]*?(\/?)>|([^<]+)|<[^>]*>/g;
    let out = "";
    let inText = false;
    let skip = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN.exec(xml))) {
      const [, close, tag, selfClose, chars] = m;
      if (chars !== undefined) {
        if (inText && skip === 0) out += decodeEntities(chars);
        continue;
      }
      if (!tag) continue;
      const opening = !close;
      if (tag === "w:t" && !selfClose) inText = opening;
      else if ((tag === "w:delText" || tag === "w:instrText") && !selfClose) skip = Math.max(0, skip + (opening ? 1 : -1));
      else if (tag === "w:tab" && opening && skip === 0) out += "\t";
      else if ((tag === "w:br" || tag === "w:cr") && opening && skip === 0) out += "\n";
      else if (tag === "w:noBreakHyphen" && opening) out += "-";
      else if (tag === "w:tc" && close) out += "\t";
      else if (tag === "w:p" && (close || selfClose)) out += "\n";
    }
    return out.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n");
  },
  permissionQuestions: (s: string) =>
    s.replace(/(?<![\p{L}])(?:får|kan|kunde|bör|may|can|could|should)\s+(?:jag|vi|man|i|we|one)(?![\p{L}])[^.!?\n]*\?|(?<![\p{L}])(?:är det (?:ok|okej|tillåtet|lämpligt) att|is it (?:ok|okay|allowed|fine) to|am i allowed to|are we allowed to)[^.!?\n]*\?/giu, " "),
  nounSv: new RegExp(
    "(?<![\\p{L}\\p{N}])(?:[\\p{L}-]*bild(?:en|er|erna)?|illustration(?:en|er|erna)?|teckning(?:en|ar|arna)?|foto(?:t|n|na)?|fotografi(?:et|er)?|logga(?:n)?|logotyp(?:en|er)?|affisch(?:en|er)?|grafik(?:en)?|porträtt(?:et)?)(?![\\p{L}\\p{N}])",
    "iu",
  ),
  cleanReason: (r: string) => r.replace(/'[^']*'|"[^"]*"|‘[^’]*’|”[^”]*”/g, "").replace(/\d{3,}/g, "").replace(/\s{2,}/g, " ").trim(),
};
