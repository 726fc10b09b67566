// Tiny locale lookup: src/locales/<lang>/<area>.json, flat key -> string with
// {name} placeholders. The tables are imported, so tsc puts them in dist/ beside this
// file: the build runs without src/ (a table read from src/ at run time made a
// dist/-only install answer nothing).
import svAnswers from "./sv/answers.json";
import svApprovalCards from "./sv/approval-cards.json";
import svApprovals from "./sv/approvals.json";
import svBot from "./sv/bot.json";
import svCli from "./sv/cli.json";
import svImageCards from "./sv/image-cards.json";
import svImages from "./sv/images.json";
import svIncidents from "./sv/incidents.json";
import svLimits from "./sv/limits.json";
import svPages from "./sv/pages.json";
import svReviewCard from "./sv/review-card.json";
import svReview from "./sv/review.json";
import svTab from "./sv/tab.json";
import enAnswers from "./en/answers.json";
import enApprovalCards from "./en/approval-cards.json";
import enApprovals from "./en/approvals.json";
import enBot from "./en/bot.json";
import enCli from "./en/cli.json";
import enImageCards from "./en/image-cards.json";
import enImages from "./en/images.json";
import enIncidents from "./en/incidents.json";
import enLimits from "./en/limits.json";
import enPages from "./en/pages.json";
import enReviewCard from "./en/review-card.json";
import enReview from "./en/review.json";
import enTab from "./en/tab.json";

export type LocaleLang = "sv" | "en";
export type Vars = Record<string, string | number>;
/** flat "a.b" keys, or nested objects looked up by dotted path */
export type Table = { [key: string]: string | Table };

/** every table, by language and area; a new area file is added here (test/locales checks the folder against it) */
const TABLES: Record<LocaleLang, Record<string, Table>> = {
  sv: {
    "answers": svAnswers,
    "approval-cards": svApprovalCards,
    "approvals": svApprovals,
    "bot": svBot,
    "cli": svCli,
    "image-cards": svImageCards,
    "images": svImages,
    "incidents": svIncidents,
    "limits": svLimits,
    "pages": svPages,
    "review-card": svReviewCard,
    "review": svReview,
    "tab": svTab,
  },
  en: {
    "answers": enAnswers,
    "approval-cards": enApprovalCards,
    "approvals": enApprovals,
    "bot": enBot,
    "cli": enCli,
    "image-cards": enImageCards,
    "images": enImages,
    "incidents": enIncidents,
    "limits": enLimits,
    "pages": enPages,
    "review-card": enReviewCard,
    "review": enReview,
    "tab": enTab,
  },
};

/** the areas every language has */
export function areas(): string[] {
  return Object.keys(TABLES.sv);
}

/** the whole table of one area in one language. */
export function table(lang: LocaleLang, area: string): Table {
  // names only: a lang or area from outside is looked up, never used as a path
  const t = Object.hasOwn(TABLES, lang) && Object.hasOwn(TABLES[lang], area) ? TABLES[lang][area] : undefined;
  if (!t) throw new Error(`policybot: no locale table ${JSON.stringify(`${lang}/${area}`)}`);
  return t;
}

/** areas missing or empty in a language (for /readyz); [] when every table is there */
export function missingTables(): string[] {
  const out: string[] = [];
  for (const lang of ["sv", "en"] as const) {
    for (const area of areas()) if (!Object.hasOwn(TABLES[lang], area) || Object.keys(TABLES[lang][area]).length === 0) out.push(`${lang}/${area}`);
  }
  return out;
}

export function lookup(tbl: Table, key: string): string | undefined {
  const flat = tbl[key];
  if (typeof flat === "string") return flat;
  let node: string | Table | undefined = tbl;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** the text for key, with {var} filled in; falls back to Swedish, then to the key itself. */
export function t(lang: LocaleLang, area: string, key: string, vars: Vars = {}): string {
  const raw = lookup(table(lang, area), key) ?? (lang !== "sv" ? lookup(table("sv", area), key) : undefined) ?? key;
  return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** "sv" unless the locale (e.g. "en-US" from a Teams activity) is English. */
export function langFromLocale(locale: string | undefined): LocaleLang {
  return locale && /^en\b/i.test(locale) ? "en" : "sv";
}
