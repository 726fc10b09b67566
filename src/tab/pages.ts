// The tab's pages: one HTML shell per page, its text from src/locales/<lang>/tab.json (and the
// review's type names and reasons, the same the bot's card shows), handed to the script as a
// JSON data block. The pages load their own script and stylesheet only (CSP below); the
// draft checker needs no server call at all.
import escapeHtml from "escape-html";
import { table, type LocaleLang, type Table } from "../locales";
import { TEAMS_FRAME_ANCESTORS } from "../http/security-headers";
import type { PackFacts } from "../policy/types";

export const TAB_PAGES = { checker: "/tab/checker", policy: "/tab/policy", admin: "/tab/admin" } as const;
export type TabPageId = keyof typeof TAB_PAGES;

/** what the script needs before any API call: the text, the pack's data rules, how auth works */
export interface TabPageData {
  page: TabPageId;
  lang: LocaleLang;
  /** true: API calls need a Teams SSO token; false: local development (loopback only) */
  sso: boolean;
  /** hosts besides Microsoft 365 that may talk to the page through teams-js */
  hostOrigins: string[];
  pack: { id: string; organisation: string; title: string; dataRules: PackFacts["dataRules"] };
}

/** the page's CSP: its own script, style and fetches; framed by Teams, Microsoft 365 and the configured hosts */
export function tabCsp(hostOrigins: string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // teams-js fetches its list of host origins from a CDN: refused here, it uses its built-in list
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self' ${[...TEAMS_FRAME_ANCESTORS, ...hostOrigins].join(" ")}`,
  ].join("; ");
}

/** "en-US", "en", "sv-SE" (Teams' {locale}) -> the page's language; Swedish by default */
export function tabLang(asked: string | null | undefined, acceptsEnglishFirst: boolean): LocaleLang {
  if (asked) return /^en\b/i.test(asked) ? "en" : /^sv\b/i.test(asked) ? "sv" : acceptsEnglishFirst ? "en" : "sv";
  return acceptsEnglishFirst ? "en" : "sv";
}

/** the text the script shows, from the locale tables */
export function pageText(lang: LocaleLang): { tab: Table; types: Table; why: Table; verdict: Table; verdictLabel: Table; appliesTo: string } {
  const review = table(lang, "review");
  const card = table(lang, "review-card");
  return { tab: table(lang, "tab"), types: review.types as Table, why: card.why as Table, verdict: review.verdict as Table, verdictLabel: card.verdictLabel as Table, appliesTo: card.appliesTo as string };
}

export function renderTabPage(d: TabPageData, assets: { script: string; style: string }): string {
  const text = pageText(d.lang);
  const tab = text.tab;
  const nav = tab.nav as Table;
  const titles: Record<TabPageId, string> = { checker: nav.checker as string, policy: nav.policy as string, admin: nav.admin as string };
  // </script> cannot end the data block: "<" is escaped in the JSON
  const data = JSON.stringify({ ...d, text }).replace(/</g, "\\u003c");
  const link = (id: TabPageId) =>
    `<a href="${TAB_PAGES[id]}?lang=${d.lang}"${id === d.page ? ' aria-current="page"' : ""}${id === "admin" ? ' data-admin-link hidden' : ""}>${escapeHtml(titles[id])}</a>`;
  return [
    "<!doctype html>",
    `<html lang="${d.lang}" data-theme="default">`,
    "<head>",
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">',
    `<title>${escapeHtml(`${titles[d.page]} – Policybot`)}</title>`,
    `<link rel="stylesheet" href="${assets.style}">`,
    `<script type="application/json" id="tab-data">${data}</script>`,
    `<script src="${assets.script}" defer></script>`,
    "</head>",
    `<body data-page="${d.page}">`,
    `<a class="skip" href="#main">${escapeHtml(titles[d.page])}</a>`,
    `<header><nav aria-label="${escapeHtml(nav.label as string)}">${(Object.keys(TAB_PAGES) as TabPageId[]).map(link).join("")}</nav></header>`,
    '<div id="notice" role="status" aria-live="polite"></div>',
    `<main id="main" tabindex="-1"><h1>${escapeHtml(titles[d.page])}</h1><div id="app" aria-busy="true"></div></main>`,
    "</body></html>",
  ].join("\n");
}
