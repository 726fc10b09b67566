// The website, privacy and terms pages the Teams manifest points at, over real HTTP from the
// real server: both languages (?lang= and Accept-Language), every text from the locale
// files, escaped, framed only by Teams and the Microsoft 365 hosts, loading nothing else.
import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { startBot, type RunningBot } from "../support/bot-server";
import { projectRoot } from "../../src/project-root";
import { table, type Table } from "../../src/locales";
import { PAGES, renderPage, type PageId } from "../../src/http/pages";

/** every text of a page's locale table, with {organisation} filled in */
function textsOf(lang: "sv" | "en", page: PageId, organisation: string): string[] {
  const out: string[] = [];
  const walk = (t: Table | string) => (typeof t === "string" ? out.push(t.replace(/\{organisation\}/g, organisation)) : Object.values(t).forEach(walk));
  walk(table(lang, "pages")[page]);
  return out;
}

/** the page's visible text, tags dropped and entities decoded (the few escape-html writes) */
function visible(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

describe("privacy, terms and website pages (GET /, /privacy, /terms)", () => {
  let bot: RunningBot;
  let organisation: string;
  before(async () => {
    bot = await startBot();
    organisation = bot.library.get("soderkoping").facts.organisation.name;
  });
  after(() => bot?.stop());

  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${bot.url}${p}`, { headers });

  for (const [page, p] of Object.entries(PAGES) as Array<[PageId, string]>) {
    for (const lang of ["sv", "en"] as const) {
      it(`${p}?lang=${lang}: 200 HTML with every text of the ${lang} table, framable by Teams only, loading nothing`, async () => {
        const res = await get(`${p}?lang=${lang}`);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
        assert.equal(res.headers.get("content-language"), lang);
        const html = await res.text();
        assert.match(html, new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
        const shown = visible(html);
        for (const t of textsOf(lang, page, organisation)) assert.ok(shown.includes(t), `shows "${t.slice(0, 50)}…"`);
        const csp = res.headers.get("content-security-policy") ?? "";
        const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
        assert.deepEqual(directives.get("default-src"), ["'none'"]);
        for (const host of ["https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.skype.com", "https://*.office.com", "https://*.cloud.microsoft"]) {
          assert.ok(directives.get("frame-ancestors")?.includes(host), `frame-ancestors has ${host}`);
        }
        assert.ok(!directives.get("frame-ancestors")?.includes("*"), "no wildcard host");
        // the one inline style is allowed by its hash, and nothing else is (no script at all)
        const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
        assert.deepEqual(directives.get("style-src"), [`'sha256-${createHash("sha256").update(style).digest("base64")}'`]);
        assert.doesNotMatch(html, /<script|<img|<link|<iframe|\son\w+=/i);
        assert.equal(res.headers.get("x-frame-options"), null, "X-Frame-Options cannot name several hosts: CSP decides");
        assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      });
    }
  }

  it("picks the language from Accept-Language when ?lang is absent, Swedish by default; ?lang wins", async () => {
    const langOf = async (p: string, h: Record<string, string> = {}) => {
      const res = await get(p, h);
      assert.equal(res.status, 200);
      assert.match(res.headers.get("vary") ?? "", /Accept-Language/i);
      return res.headers.get("content-language");
    };
    assert.equal(await langOf("/privacy", { "accept-language": "en-GB,en;q=0.9" }), "en");
    assert.equal(await langOf("/privacy", { "accept-language": "de-DE,en;q=0.5,sv;q=0.8" }), "sv");
    assert.equal(await langOf("/privacy", { "accept-language": "de-DE" }), "sv");
    assert.equal(await langOf("/privacy"), "sv");
    assert.equal(await langOf("/terms?lang=sv", { "accept-language": "en" }), "sv");
    assert.equal(await langOf("/terms?lang=EN"), "en");
    assert.equal(await langOf("/terms?lang=fr", { "accept-language": "en" }), "en");
  });

  it("links each page to the others and to itself in the other language", async () => {
    const html = await (await get("/terms?lang=en")).text();
    for (const href of ["/?lang=en", "/privacy?lang=en", "/terms?lang=en", "/terms?lang=sv"]) assert.ok(html.includes(`href="${href}"`), href);
  });

  it("every URL the manifest names (website, privacy, terms) is a page the server serves", async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot(), "appPackage", "manifest.json"), "utf8")) as { developer: Record<string, string> };
    const urls = ["websiteUrl", "privacyUrl", "termsOfUseUrl"].map((k) => manifest.developer[k]);
    assert.equal(urls.length, 3);
    for (const u of urls) {
      assert.match(u, /^https:\/\/\$\{\{BOT_DOMAIN\}\}\//, u);
      const res = await get(u.replace("https://${{BOT_DOMAIN}}", ""));
      assert.equal(res.status, 200, u);
      assert.match(res.headers.get("content-type") ?? "", /^text\/html/);
    }
  });

  it("states the retention the templates set: logs kept 30 days (infra/azure.bicep)", () => {
    const bicep = fs.readFileSync(path.join(projectRoot(), "infra", "azure.bicep"), "utf8");
    const days = /retentionInDays:\s*(\d+)/.exec(bicep)?.[1];
    assert.equal(days, "30");
    assert.ok(textsOf("sv", "privacy", "x").some((t) => t.includes(`${days} dagar`) && /[Ll]oggar/.test(t)));
    assert.ok(textsOf("en", "privacy", "x").some((t) => t.includes(`${days} days`) && /[Ll]ogs/.test(t)));
  });

  it("escapes the organisation's name like every text", () => {
    const html = renderPage("privacy", "en", `A & B <script>alert("x")</script>`);
    assert.ok(!html.includes("<script>"));
    assert.ok(html.includes("A &amp; B &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
  });
});
