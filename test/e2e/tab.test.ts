// The tab end to end in Debian's Chromium (playwright-core), against the real server:
// - local development (no app id): the draft checker highlights a pasted draft, explains it
//   with the pack's rules, copies the redacted text and puts values back, and not one request
//   leaves the page meanwhile; the policy browser searches and opens a deep-linked section;
//   the dashboard draws its charts and writes a status change back;
// - in a Teams host (test/support/teams-host.ts, an iframe answering teams-js): theme and
//   language from the context, SSO through getAuthToken validated by the server, the admin
//   dashboard over SharePoint lists on the local Graph (links to the items), a non-admin
//   refused. With POLICYBOT_SCREENSHOTS=<dir> each page is saved in light and dark.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { randomUUID } from "node:crypto";
import { chromium, type Browser, type BrowserContext, type Page, type Request } from "playwright-core";
import { startBot, type RunningBot } from "../support/bot-server";
import { appIdentityEnv, startFakeGraph, type FakeGraph } from "../support/graph-server";
import { TeamsHost, type HostContext } from "../support/teams-host";
import { testApproval, testIncident } from "../support/tab-fixtures";
import { reviewWithMapping } from "../../src/review";
import { t } from "../../src/locales";
import { corpus } from "../../bench/review-corpus";
import { sectionSlug } from "../../src/tab/section-slug";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = process.env.POLICYBOT_SCREENSHOTS;
/** a value no page, asset or API answer holds: if a request carries it, the draft left the page */
const MARKER = `Zq${randomUUID().replace(/-/g, "").slice(0, 12)}`;
const DRAFT = [
  `Hej! Kan du sammanfatta ärendet om Anna Andersson (${MARKER}), personnummer 19121212-1212, tel 070-123 45 67?`,
  "",
  "Lösenordet till wifi är Sommar2024! och mejla svaret till anna.andersson@example.se.",
  "",
  "Hon har diabetes och bor på Storgatan 12, 614 30 Söderköping.",
].join("\n");

async function launch(): Promise<Browser> {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

async function ready(page: Page | ReturnType<Page["frameLocator"]>): Promise<void> {
  await page.locator("body[data-ready=true]").waitFor({ timeout: 20_000 });
}

describe("the tab in Chromium", function () {
  this.timeout(120_000);
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
  });

  describe("local development (no app id)", () => {
    let bot: RunningBot;
    let context: BrowserContext;
    let page: Page;
    before(async () => {
      bot = await startBot({ LOG_LEVEL: "info" });
      context = await browser.newContext({ viewport: { width: 1100, height: 820 }, locale: "sv-SE" });
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: bot.url });
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
      await bot?.stop();
    });

    it("the checker highlights a pasted draft, explains each kind with the pack's rules, copies the redacted text, puts values back; no request leaves the page", async () => {
      const requests: Request[] = [];
      context.on("request", (r) => requests.push(r));
      await page.goto(`${bot.url}/tab/checker?lang=sv`);
      await ready(page);
      assert.match(await page.locator("#notice").innerText(), /Lokal utveckling/);
      const loaded = requests.length;

      // pasted, as a user pastes: through the clipboard and Ctrl+V
      await page.evaluate((t) => navigator.clipboard.writeText(t), DRAFT);
      await page.locator("#draft").focus();
      await page.keyboard.press("Control+V");
      await page.locator(".highlights mark").first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll(".groups > li").length >= 7);

      const whole = reviewWithMapping(DRAFT, bot.library.get("soderkoping"));
      const marks = await page.locator(".highlights mark").evaluateAll((els) => els.map((e) => ({ cls: e.className, text: e.textContent })));
      assert.deepEqual(marks, whole.findings.map((f) => ({ cls: `f-${f.type}`, text: DRAFT.slice(f.start, f.end) })), "every finding of the engine is highlighted, nothing else");
      // the highlight layer holds exactly the draft: the marks sit under the right characters
      assert.equal(await page.locator(".highlights").evaluate((e) => e.textContent), DRAFT);
      assert.match(await page.locator(".verdict").innerText(), /Blockera/);
      const panel = await page.locator("#findings").innerText();
      for (const f of whole.findings) {
        assert.ok(panel.includes(t("sv", "review", `types.${f.type}`)), f.type);
        assert.ok(panel.includes(t("sv", "review-card", `why.${f.type}`)), `why ${f.type}`);
      }
      // each rule the pack says the findings break, quoted once, with its section and rule
      for (const c of new Set(Object.values(whole.rules).flat().map((c) => c!.quote))) assert.ok(panel.includes(c), `quotes "${c.slice(0, 40)}…"`);
      assert.match(panel, /3\.1 Personuppgifter, regel D/);

      // "Visa i texten" selects the finding in the draft
      await page.locator('.group[data-type="PERSONNUMMER"] button').click();
      assert.equal(await page.locator("#draft").evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd)), "19121212-1212");

      await page.locator("#copy").click();
      await page.locator("#notice", { hasText: "kopierad" }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, whole.redacted, "the copy is the engine's redacted text");
      for (const v of ["19121212-1212", "070-123 45 67", "Sommar2024!", "anna.andersson@example.se", "Anna Andersson"]) assert.ok(!copied.includes(v), v);

      // Copilot's answer with the placeholders, put back in the page
      const placeholders = Object.keys(whole.mapping);
      await page.locator("#copilot-answer").fill(`Sammanfattning: ${placeholders.join(" och ")}.`);
      await page.locator("#restore").click();
      const restored = await page.locator("#restored").innerText();
      for (const p of placeholders) assert.ok(restored.includes(whole.mapping[p]), `${p} restored`);

      // typing on: the highlights follow
      await page.locator("#draft").press("End");
      await page.keyboard.type(" Ring 08-123 456 78.");
      await page.waitForFunction(() => document.querySelectorAll(".highlights mark.f-PHONE").length === 2);

      assert.deepEqual(requests.slice(loaded).map((r) => r.url()), [], "no request after the page loaded");
      for (const r of requests) {
        assert.ok(!r.url().includes(MARKER) && !(r.postData() ?? "").includes(MARKER), r.url());
        assert.ok(r.url().startsWith(bot.url), `only the page's own server: ${r.url()}`);
      }
      assert.ok(!bot.logs.text().includes(MARKER), "nothing of the draft in the server's log");
      if (SHOTS) await shot(page, "tab-checker-light");

      // a 20-page draft: the highlight layer keeps the text box's height and follows its scrolling
      const long = corpus(70_000).join("\n\n").slice(0, 60_000);
      await page.locator("#draft").fill(long);
      await page.waitForFunction((n) => document.querySelector(".highlights")!.textContent!.length === n, long.length);
      const m = await page.evaluate(() => {
        const ta = document.querySelector("#draft") as HTMLTextAreaElement;
        const bd = document.querySelector(".backdrop") as HTMLElement;
        ta.scrollTop = 12_000;
        ta.dispatchEvent(new Event("scroll"));
        return { ta: ta.scrollHeight, bd: bd.scrollHeight, taTop: ta.scrollTop, bdTop: bd.scrollTop };
      });
      assert.ok(Math.abs(m.ta - m.bd) <= 24, `heights ${m.ta} and ${m.bd}`);
      assert.equal(m.bdTop, m.taTop);
      assert.deepEqual(requests.slice(loaded).map((r) => r.url()), [], "still no request");
    });

    it("the policy browser answers with the bot's engine and opens the cited section; a deep link opens its section", async () => {
      await page.goto(`${bot.url}/tab/policy?lang=sv`);
      await ready(page);
      await page.locator("#policy-q").fill("Får jag använda ChatGPT med personuppgifter?");
      await page.locator("#policy-q").press("Enter");
      const answer = bot.library.ask("soderkoping", "Får jag använda ChatGPT med personuppgifter?");
      await page.locator("#answer .answer").waitFor();
      assert.equal(await page.locator("#answer .answer").innerText(), answer.answer.trim());
      await page.locator("#answer cite a").first().click();
      const section = answer.citations[0].section;
      await page.locator("details.section[open] summary", { hasText: section }).waitFor();
      if (SHOTS) await shot(page, "tab-policy-light");

      await page.goto(`${bot.url}/tab/policy?lang=en&section=3-2-sekretess`);
      await ready(page);
      assert.equal(await page.locator('details[id="3-2-sekretess"]').getAttribute("open"), "");
      assert.equal(await page.locator("details.section[open]").count(), 1);
    });

    it("works from the keyboard: skip link, search and a section opened with Enter; the checker's buttons in tab order", async () => {
      await page.goto(`${bot.url}/tab/policy?lang=en`);
      await ready(page);
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.className), "skip");
      await page.keyboard.press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
      // on to the search box: Tab until it has focus
      for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.id)) !== "policy-q"; i++) await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "policy-q");
      await page.keyboard.type("Får jag använda Copilot?");
      await page.keyboard.press("Enter");
      await page.locator("#answer .answer").waitFor();
      await page.locator("details.section summary").first().focus();
      await page.keyboard.press("Enter");
      assert.equal(await page.locator("details.section").first().getAttribute("open"), "");

      await page.goto(`${bot.url}/tab/checker?lang=en`);
      await ready(page);
      await page.locator("#draft").fill("Ring Anna på 070-123 45 67");
      await page.locator("#copy:not([disabled])").waitFor();
      const order: string[] = [];
      await page.locator("#draft").focus();
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press("Tab");
        order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ""));
      }
      assert.ok(order.includes("copy"), order.join(" | "));
      assert.ok(order.some((x) => /Show in the text/.test(x)), order.join(" | "));
    });

    it("the dashboard draws its charts from the local store and writes a status change back", async () => {
      const svc = bot.app.incidents.service;
      const overdue = testIncident({}, 80);
      await svc.fileNew(overdue);
      await svc.fileNew(testIncident({ infoKinds: ["secret"] }, 24 * 3));
      await svc.fileNew(testIncident({ infoKinds: ["personal", "sensitive"] }, 6));
      const store = (await bot.app.approvals).store;
      await store.record(testApproval("ChatGPT", "approved"));
      await store.record(testApproval("ChatGPT", "pending"));
      await store.record(testApproval("Midjourney", "rejected"));

      await page.goto(`${bot.url}/tab/admin?lang=sv`);
      await ready(page);
      await page.locator(`tr[data-reference="${overdue.reference}"]`).waitFor();
      assert.equal(await page.locator(".chart").count(), 4);
      assert.ok((await page.locator(".chart rect").count()) >= 6, "bars drawn");
      assert.match(await page.locator(`tr[data-reference="${overdue.reference}"]`).innerText(), /försenad/);
      assert.equal(await page.locator("#approvals tbody tr").count(), 3);

      await page.locator(`#status-${overdue.reference}`).selectOption("closed");
      await page.locator("#notice", { hasText: overdue.reference }).waitFor();
      assert.equal((await svc.get(overdue.reference))?.incident.status, "closed");
      // filters: open incidents only
      await page.locator("#inc-status").selectOption("new");
      await page.waitForFunction((ref) => !document.querySelector(`tr[data-reference="${ref}"]`), overdue.reference);
      assert.equal(await page.locator("#incidents tbody tr").count(), 2);
    });
  });

  describe("in a Teams host: teams-js, SSO, SharePoint through the local Graph", () => {
    const ADMIN = randomUUID();
    let graph: FakeGraph;
    let host: TeamsHost;
    let bot: RunningBot;
    let context: BrowserContext;
    let page: Page;
    const ctx = (over: Partial<HostContext>): HostContext => ({ theme: "default", locale: "sv-SE", userObjectId: ADMIN, tid: graph.tenantId, token: graph.userToken({ oid: ADMIN, claims: { roles: ["Policybot.Admin"] } }), ...over });

    before(async () => {
      graph = await startFakeGraph({ seed: ["incidents", "approvals"] });
      host = await new TeamsHost().start();
      bot = await startBot({
        LOG_LEVEL: "warn",
        ...appIdentityEnv(graph),
        HOST: "127.0.0.1",
        INCIDENT_STORE: "sharepoint",
        APPROVAL_STORE: "sharepoint",
        TAB_HOST_ORIGINS: host.origin,
      });
      const svc = bot.app.incidents.service;
      for (const [kinds, ageH] of [[["personal"], 30], [["personal"], 70], [["sensitive"], 100], [["customer"], 24 * 35], [["secret"], 24 * 65]] as const) {
        await svc.fileNew(testIncident({ infoKinds: [...kinds] }, ageH));
      }
      const closed = testIncident({ infoKinds: ["other"] }, 24 * 20);
      await svc.fileNew(closed);
      await svc.setStatus(closed.reference, "closed", ADMIN);
      const store = (await bot.app.approvals).store;
      for (const [tool, status] of [["ChatGPT", "approved"], ["ChatGPT", "pending"], ["Copilot", "approved"], ["Midjourney", "rejected"], ["Gemini", "pending"]] as const) await store.record(testApproval(tool, status));
      context = await browser.newContext({ viewport: { width: 1100, height: 820 } });
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
      await bot?.stop();
      await host?.stop();
      await graph?.stop();
    });

    const open = async (tab: string, c: HostContext) => {
      await page.goto(host.page(`${bot.url}${tab}`, c));
      const frame = page.frameLocator("#tab");
      await ready(frame);
      return frame;
    };

    it("runs teams-js against the host: initialize, context (theme, language), getAuthToken; the server accepts the SSO token", async () => {
      const frame = await open("/tab/admin?lang=sv", ctx({ theme: "dark" }));
      const log = (await page.evaluate(() => (window as unknown as { hostLog: Array<{ func: string }> }).hostLog.map((l) => l.func))) as string[];
      for (const f of ["initialize", "getContext", "appInitialization.success", "authentication.getAuthToken"]) assert.ok(log.includes(f), `${f} in ${log.join(", ")}`);
      assert.equal(await frame.locator("html").getAttribute("data-theme"), "dark");
      assert.equal(await frame.locator("#notice").innerText(), "", "no local-development notice in Teams");
      await frame.locator("#incidents tbody tr[data-reference]").first().waitFor();
      assert.equal(await frame.locator("#incidents tbody tr").count(), 6);
      // links to the SharePoint list items
      const links = await frame.locator("#incidents a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      assert.equal(links.length, 6);
      for (const l of links) assert.ok(l.startsWith(graph.webUrl), l);
      assert.equal(await frame.locator('[data-admin-link]:not([hidden])').count(), 1, "an admin sees the dashboard link");
      if (SHOTS) await shot(page, "tab-admin-dark");
      // Teams switches theme: the tab follows
      await page.evaluate(() => (window as unknown as { setTheme(t: string): void }).setTheme("contrast"));
      await frame.locator("html[data-theme=contrast]").waitFor();
    });

    it("an admin's status change is written to the SharePoint list", async () => {
      const frame = await open("/tab/admin?lang=en", ctx({ locale: "en-US" }));
      await frame.locator("#incidents tbody tr[data-reference]").first().waitFor();
      const ref = (await frame.locator("#incidents tbody tr[data-reference]").first().getAttribute("data-reference"))!;
      await frame.locator(`#status-${ref}`).selectOption("investigating");
      await frame.locator("#notice", { hasText: `${ref} is now Investigating` }).waitFor();
      const list = [...graph.lists.values()].find((l) => l.schema?.displayName === "AI-incidenter")!;
      const item = [...list.items.values()].find((i) => JSON.stringify(i.fields).includes(ref))!;
      assert.equal(item.fields.Status, "Utreds");
      assert.equal(item.fields.StatusChangedBy, ADMIN, "who changed it: the signed-in admin's object id from the SSO token");
      if (SHOTS) await shot(page, "tab-admin-light");
    });

    it("a user who is not an admin: the dashboard says so, and the API answered 403", async () => {
      const user = randomUUID();
      const statuses: number[] = [];
      page.on("response", (r) => r.url().includes("/tab/api/admin/") && statuses.push(r.status()));
      const frame = await open("/tab/admin?lang=sv", ctx({ userObjectId: user, token: graph.userToken({ oid: user }) }));
      assert.match(await frame.locator("#notice").innerText(), /bara för administratörer/);
      assert.equal(await frame.locator("#incidents").count(), 0);
      assert.ok(statuses.length > 0 && statuses.every((s) => s === 403), statuses.join(","));
      assert.equal(await frame.locator('[data-admin-link]:not([hidden])').count(), 0);
    });

    it("a token Teams could not get, or one the server refuses (another tenant): the tab says sign-in failed", async () => {
      let frame = await open("/tab/policy?lang=en", ctx({ token: undefined, tokenError: "resourceDisabled" }));
      assert.match(await frame.locator("#notice").innerText(), /Signing in through Teams failed/);
      frame = await open("/tab/policy?lang=en", ctx({ token: graph.userToken({ oid: ADMIN, claims: { tid: randomUUID() } }) }));
      assert.match(await frame.locator("#notice").innerText(), /Signing in through Teams failed/);
    });

    it("outside Teams, a server with an app id: the page says to open it in Teams and calls no API; the checker still works", async () => {
      const calls: string[] = [];
      page.on("request", (r) => r.url().includes("/tab/api/") && calls.push(r.url()));
      for (const p of ["/tab/policy?lang=sv", "/tab/admin?lang=sv"]) {
        await page.goto(`${bot.url}${p}`);
        await ready(page);
        assert.match(await page.locator("#notice").innerText(), /Öppna Policybot i Teams/);
      }
      await page.goto(`${bot.url}/tab/checker?lang=sv`);
      await ready(page);
      await page.locator("#draft").fill(DRAFT);
      await page.locator(".highlights mark").first().waitFor();
      assert.deepEqual(calls, []);
    });

    it("the policy browser and the checker in Teams: a deep link's subPageId opens its section; themes light and dark", async () => {
      // the answer card's deep link names the pack: another pack's section opens in that pack
      const hjo = bot.library.get("hjo");
      const hjoSection = sectionSlug(hjo.sections[2].heading);
      let frame = await open("/tab/policy?lang=sv", ctx({ subEntityId: `hjo/${hjoSection}` }));
      assert.equal(await frame.locator(`details[id="${hjoSection}"]`).getAttribute("open"), "");
      assert.match(await frame.locator(".intro").innerText(), new RegExp(hjo.facts.organisation.name));
      frame = await open("/tab/policy?lang=sv", ctx({ subEntityId: "soderkoping/3-1-personuppgifter" }));
      assert.equal(await frame.locator('details[id="3-1-personuppgifter"]').getAttribute("open"), "");
      frame = await open("/tab/policy?lang=sv", ctx({ theme: "dark", subEntityId: "3-1-personuppgifter" }));
      if (SHOTS) await shot(page, "tab-policy-dark");
      frame = await open("/tab/checker?lang=sv", ctx({ theme: "dark" }));
      await frame.locator("#draft").fill(DRAFT);
      await frame.locator(".highlights mark").first().waitFor();
      await frame.locator(".groups > li").nth(6).waitFor();
      if (SHOTS) await shot(page, "tab-checker-dark");
    });
  });
});

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS!, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS!, `${name}.png`) });
}
