// Tiny locale lookup: src/locales/<lang>/<area>.json, flat key -> string with
// {name} placeholders. JSON is read from the source tree at runtime so `tsc` output
// in dist/ needs no copy step.
import * as fs from "node:fs";
import * as path from "node:path";
import { BoundedMap } from "../util/bounded-map";

export type LocaleLang = "sv" | "en";
export type Vars = Record<string, string | number>;
/** flat "a.b" keys, or nested objects looked up by dotted path */
export type Table = { [key: string]: string | Table };

// by language and area: 2 x 10 tables today; bounded all the same (least recently used goes first)
const cache = new BoundedMap<string, Table>({ max: 64 });
const AREA = /^[a-z][a-z0-9-]{0,63}$/;
let localesDir: string | undefined;

/** the src/locales folder, found from here whether run from src/ (tsx) or dist/src/ (compiled). */
export function findLocalesDir(): string {
  if (localesDir) return localesDir;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "src", "locales");
    if (fs.existsSync(path.join(candidate, "sv"))) return (localesDir = candidate);
    if (path.basename(dir) === "locales" && fs.existsSync(path.join(dir, "sv"))) return (localesDir = dir);
    dir = path.dirname(dir);
  }
  throw new Error(`policybot: cannot find src/locales above ${__dirname}`);
}

/** the whole table of one area in one language (cached). */
export function table(lang: LocaleLang, area: string): Table {
  const id = `${lang}/${area}`;
  let t = cache.get(id);
  if (!t) {
    // names only: a lang or area from outside never names a path
    if ((lang !== "sv" && lang !== "en") || !AREA.test(area)) throw new Error(`policybot: no locale table ${JSON.stringify(id)}`);
    const file = path.join(findLocalesDir(), lang, `${area}.json`);
    t = JSON.parse(fs.readFileSync(file, "utf8")) as Table;
    cache.set(id, t);
  }
  return t;
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
