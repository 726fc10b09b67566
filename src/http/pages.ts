// The pages the Teams manifest points at: the website (/), privacy (/privacy) and terms
// (/terms), in Swedish and English. Every text comes from src/locales/<lang>/pages.json and
// is HTML-escaped here; the only markup is this file's. The pages load nothing: one inline
// style, allowed by its hash in the Content-Security-Policy.
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import escapeHtml from "escape-html";
import Negotiator from "negotiator";
import { t, table, type LocaleLang, type Table } from "../locales";

export const PAGES = { home: "/", privacy: "/privacy", terms: "/terms" } as const;
export type PageId = keyof typeof PAGES;

const LANGS: LocaleLang[] = ["sv", "en"];

const STYLE =
  "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424}" +
  "nav{display:flex;gap:1rem;flex-wrap:wrap;margin-bottom:2rem}a{color:#4f52b2}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.8rem}";

/** the CSP source of the inline style */
export const STYLE_HASH = `sha256-${createHash("sha256").update(STYLE).digest("base64")}`;

/** ?lang=sv|en wins; then the browser's Accept-Language; Swedish by default */
export function pageLang(req: IncomingMessage, query: string | undefined): LocaleLang {
  const asked = new URLSearchParams(query ?? "").get("lang")?.toLowerCase();
  if (asked === "sv" || asked === "en") return asked;
  const best = new Negotiator(req).language(LANGS);
  return best === "en" ? "en" : "sv";
}

/** the numbered parts of a table in file order: s1, s2 … or p1, p2 … */
function parts(tbl: Table, prefix: string): Array<string | Table> {
  return Object.keys(tbl)
    .filter((k) => new RegExp(`^${prefix}\\d+$`).test(k))
    .map((k) => tbl[k]);
}

/** one page as a complete HTML document; `organisation` fills {organisation} (escaped like every text) */
export function renderPage(page: PageId, lang: LocaleLang, organisation: string): string {
  const fill = (s: string) => escapeHtml(s.replace(/\{organisation\}/g, organisation));
  const text = (key: string) => escapeHtml(t(lang, "pages", key));
  const content = table(lang, "pages")[page] as Table;
  const other: LocaleLang = lang === "sv" ? "en" : "sv";
  const link = (id: PageId, l: LocaleLang) => `${PAGES[id]}?lang=${l}`;
  const nav = (Object.keys(PAGES) as PageId[])
    .map((id) => (id === page ? `<a href="${link(id, lang)}" aria-current="page">${text(`nav.${id}`)}</a>` : `<a href="${link(id, lang)}">${text(`nav.${id}`)}</a>`))
    .concat(`<a href="${link(page, other)}" hreflang="${other}" lang="${other}">${text("otherLanguage")}</a>`)
    .join("");
  const sections = parts(content, "s")
    .map((s) => {
      const sec = s as Table;
      const paras = parts(sec, "p").map((p) => `<p>${fill(p as string)}</p>`);
      return `<section><h2>${fill(sec.heading as string)}</h2>${paras.join("")}</section>`;
    })
    .join("\n");
  return [
    "<!doctype html>",
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${fill(content.title as string)}</title><style>${STYLE}</style></head>`,
    `<body><nav aria-label="${text("nav.label")}">${nav}</nav><main><h1>${fill(content.title as string)}</h1><p>${fill(content.intro as string)}</p>`,
    sections,
    "</main></body></html>",
  ].join("\n");
}
