// The tab's pages and assets over real HTTP from the real server (no app id: local
// development): both languages, a strict CSP that lets Teams (and configured hosts) frame
// them, the built script and stylesheet, and the local API open to loopback callers.
import * as assert from "node:assert/strict";
import { startBot, type RunningBot } from "../support/bot-server";
import { table, type Table } from "../../src/locales";
import { TAB_PAGES, type TabPageId } from "../../src/tab/pages";
import { TEAMS_FRAME_ANCESTORS } from "../../src/http/security-headers";

describe("tab pages (GET /tab/checker, /tab/policy, /tab/admin) and assets", () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startBot({ LOG_LEVEL: "warn", TAB_HOST_ORIGINS: "https://intranet.example.se" });
  });
  after(() => bot?.stop());
  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${bot.url}${p}`, { headers });

  for (const [page, p] of Object.entries(TAB_PAGES) as Array<[TabPageId, string]>) {
    for (const lang of ["sv", "en"] as const) {
      it(`${p}?lang=${lang}: the ${lang} text, framable by Teams and the configured host only, loading only its own script and style`, async () => {
        const res = await get(`${p}?lang=${lang}`);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
        assert.equal(res.headers.get("content-language"), lang);
        assert.equal(res.headers.get("x-frame-options"), null);
        const csp = res.headers.get("content-security-policy")!;
        const dir = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
        assert.deepEqual(dir["default-src"], ["'none'"]);
        assert.deepEqual(dir["script-src"], ["'self'"]);
        assert.deepEqual(dir["style-src"], ["'self'"]);
        assert.deepEqual(dir["connect-src"], ["'self'"]);
        assert.deepEqual(dir["frame-ancestors"], ["'self'", ...TEAMS_FRAME_ANCESTORS, "https://intranet.example.se"]);
        assert.ok(!csp.includes("unsafe"), csp);
        const html = await res.text();
        const nav = table(lang, "tab").nav as Table;
        assert.ok(html.includes(`<title>${nav[page] as string}`), "the title from the locale table");
        for (const k of ["checker", "policy", "admin"]) assert.ok(html.includes(nav[k] as string), k);
        assert.match(html, /<script type="application\/json" id="tab-data">/);
        assert.doesNotMatch(html, /<script>(?!<)/, "no inline script");
        const data = JSON.parse(/<script type="application\/json" id="tab-data">([\s\S]*?)<\/script>/.exec(html)![1]) as { lang: string; sso: boolean; page: string };
        assert.deepEqual([data.lang, data.sso, data.page], [lang, false, page]);
      });
    }
  }

  it("Teams' {locale} (en-US, sv-SE) and Accept-Language pick the language", async () => {
    assert.equal((await get("/tab/checker?lang=en-US")).headers.get("content-language"), "en");
    assert.equal((await get("/tab/checker?lang=sv-SE")).headers.get("content-language"), "sv");
    assert.equal((await get("/tab/checker", { "accept-language": "en-GB,en;q=0.9" })).headers.get("content-language"), "en");
    assert.equal((await get("/tab/checker", { "accept-language": "de" })).headers.get("content-language"), "sv");
  });

  it("serves the built script and stylesheet with an ETag (304 when unchanged); nothing else under /tab/assets/", async () => {
    const html = await (await get("/tab/checker")).text();
    const script = /<script src="([^"]+)" defer>/.exec(html)![1];
    const style = /<link rel="stylesheet" href="([^"]+)">/.exec(html)![1];
    const js = await get(script);
    assert.equal(js.status, 200);
    assert.equal(js.headers.get("content-type"), "text/javascript; charset=utf-8");
    assert.ok((await js.text()).length > 10_000);
    assert.equal((await get(script, { "if-none-match": js.headers.get("etag")! })).status, 304);
    assert.equal((await get(style)).headers.get("content-type"), "text/css; charset=utf-8");
    for (const p of ["/tab/assets/meta.json", "/tab/assets/..%2F..%2Fpackage.json", "/tab/assets/nope.js"]) assert.equal((await get(p)).status, 404, p);
  });

  it("without an app id the API serves the loopback caller as the local developer (an admin), with no token", async () => {
    assert.deepEqual(await (await get("/tab/api/me")).json(), { admin: true });
    assert.equal((await get("/tab/api/admin/stats")).status, 200);
    const search = (await (await get(`/tab/api/policy/search?q=${encodeURIComponent("Får jag använda ChatGPT med personuppgifter?")}`)).json()) as { citations: Array<{ sectionId: string; quote: string }>; answer: string };
    // the same answer the bot gives
    const a = bot.library.ask("soderkoping", "Får jag använda ChatGPT med personuppgifter?");
    assert.equal(search.answer, a.answer);
    assert.deepEqual(search.citations.map((c) => c.quote), a.citations.map((c) => c.quote));
    const policy = (await (await get("/tab/api/policy")).json()) as { sections: Array<{ id: string }> };
    for (const c of search.citations) assert.ok(policy.sections.some((s) => s.id === c.sectionId), `${c.sectionId} is a section of the browser`);
    assert.equal((await get("/tab/api/policy?pack=nope")).status, 404);
    assert.equal((await get("/tab/api/policy/search?q=")).status, 400);
  });
});
