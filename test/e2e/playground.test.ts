// End to end: the real bot, the Microsoft 365 Agents Playground, and Debian's
// Chromium driven by playwright-core. A newcomer's first minute, automated.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startBot, type RunningBot } from "../support/bot-server";
import { startPlayground, type Playground } from "../support/playground";

const CHROMIUM = "/usr/bin/chromium";
const QUESTION = "Får jag använda ChatGPT med personuppgifter?";

describe("end to end: Agents Playground in Chromium", function () {
  this.timeout(120_000);
  let bot: RunningBot | undefined;
  let playground: Playground | undefined;
  let browser: BrowserContext | undefined;
  let profile: string | undefined;
  let page: Page;

  before(async () => {
    // CI installs Chromium: its absence is a failure, not a reason to skip
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)`);
    bot = await startBot({ LOG_LEVEL: "warn" });
    playground = await startPlayground(`${bot.url}/api/messages`);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-chromium-"));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(playground.url, { waitUntil: "load" });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await playground?.stop();
    await bot?.stop();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it("shows the welcome card when the Playground installs the bot", async () => {
    // the Playground's user has locale en-US
    await page.getByText("Hi! I am Policybot").first().waitFor({ timeout: 30_000 });
  });

  it("answers a question typed into the chat with a card quoting the policy", async () => {
    const expected = bot!.library.ask("soderkoping", QUESTION);
    assert.ok(expected.citations.length > 0);
    const box = page.locator('[role="textbox"][contenteditable="true"]').first();
    await box.waitFor({ timeout: 30_000 });
    assert.equal(await page.getByText("Type a message...").count() > 0, true, "the Playground's message box");
    await box.click();
    await page.keyboard.type(QUESTION);
    await page.keyboard.press("Enter");

    const c = expected.citations[0];
    const source = `Källa: ${bot!.library.get("soderkoping").facts.organisation.name}, ${c.section}${c.rule ? `, regel ${c.rule}` : ""}`;
    await page.getByText(source, { exact: true }).first().waitFor({ timeout: 30_000 });
    const body = await page.locator("body").innerText();
    assert.ok(body.replace(/\s+/g, " ").includes(c.quote.replace(/\s+/g, " ")), "the quote is shown verbatim");
    assert.ok(body.includes("Var detta till hjälp?"));
  });

  it("a click on Ja redraws the card with thanks (Action.Execute round trip)", async () => {
    await page.getByRole("button", { name: "Ja", exact: true }).last().click();
    await page.getByText("Tack för din återkoppling!").first().waitFor({ timeout: 30_000 });
  });
});
