// End to end, issue 14: an AI-tool request decided by the requester's manager, both people
// in the Microsoft 365 Agents Playground in Chromium. Two Playgrounds talk to one bot: the
// default one, whose user is Alex Wilber, and one whose mock user is Megan Bowen, his
// manager in the sample directory (infra/playground/megan-bowen.yml), as two people in
// Teams would. Each asserts on what that person's chat shows.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { startBot, type RunningBot } from "../support/bot-server";
import { MEGAN_BOWEN, startPlayground, type Playground } from "../support/playground";
import { CHROMIUM, CHROMIUM_ARGS, PlaygroundPage } from "../support/playground-page";

describe("end to end: an approval requested by Alex and decided by his manager Megan, each in their own Agents Playground (Chromium)", function () {
  this.timeout(180_000);
  let bot: RunningBot | undefined;
  const playgrounds: Playground[] = [];
  let browser: BrowserContext | undefined;
  let profile: string | undefined;
  let alex: PlaygroundPage;
  let megan: PlaygroundPage;

  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)`);
    bot = await startBot({ LOG_LEVEL: "warn" });
    const endpoint = `${bot.url}/api/messages`;
    const [pa, pm] = await Promise.all([startPlayground(endpoint, 30_000, { TZ: "Europe/Stockholm" }), startPlayground(endpoint, 30_000, { TZ: "Europe/Stockholm" }, MEGAN_BOWEN)]);
    playgrounds.push(pa, pm);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-chromium-"));
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timezoneId: "Europe/Stockholm", viewport: { width: 1100, height: 900 } });
    const open = async (url: string) => {
      const page = await browser!.newPage();
      await page.goto(url, { waitUntil: "load" });
      await page.getByText("Hi! I am Policybot").first().waitFor({ timeout: 30_000 });
      const pg = new PlaygroundPage(page);
      await pg.closeLogPanel();
      return pg;
    };
    megan = await open(pm.url);
    alex = await open(pa.url);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await Promise.all(playgrounds.map((p) => p.stop()));
    await bot?.stop();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  const T = {
    sv: {
      hello: "hej",
      welcome: "Hej! Jag är Policybot",
      switched: "Nu svarar jag ur AI-policyn för",
      approvalCmd: "ansök om AI-verktyg",
      approvalForm: "Ansök om AI-verktyg",
      purpose: "Vad ska du använda det till?",
      purposeText: "Sammanfatta offentliga protokoll inför nämndmöten.",
      openInfo: "Öppen information",
      approvalSubmit: "Skicka ansökan",
      sent: "Ansökan har skickats till Megan Bowen (närmaste chef).",
      approverTitle: "Ansökan om AI-verktyg: ",
      intro: "Alex Wilber ansöker om att använda ett AI-verktyg. Du beslutar som närmaste chef.",
      comment: "Kommentar (krävs vid avslag)",
      decide: "Godkänn",
      decided: "Beslut: Godkänd",
      commentText: "",
    },
    en: {
      hello: "hello",
      welcome: "Hi! I am Policybot",
      switched: "I now answer from the AI policy of",
      approvalCmd: "request AI tool",
      approvalForm: "Request an AI tool",
      purpose: "What will you use it for?",
      purposeText: "Summarise public minutes before board meetings.",
      openInfo: "Open information",
      approvalSubmit: "Send request",
      sent: "The request has been sent to Megan Bowen (nearest manager).",
      approverTitle: "Request for an AI tool: ",
      intro: "Alex Wilber asks to use an AI tool. You decide as nearest manager.",
      comment: "Comment (required to reject)",
      decide: "Reject",
      decided: "Decision: Rejected",
      commentText: "Use Copilot in our tenant for this instead.",
    },
  } as const;

  for (const lang of ["sv", "en"] as const) {
    const t = T[lang];
    it(`${lang === "sv" ? "in Swedish" : "in English"}: Alex requests, Megan gets the card in her chat and ${t.decide === "Godkänn" ? "approves" : "rejects with a comment"}, and Alex's card says so`, async () => {
      // each writes in the language of the journey first: each person's cards follow their own choice
      await megan.say(t.hello, t.welcome);
      await alex.say(t.hello, t.welcome);
      await alex.say("policy wenell", t.switched);
      const form = await alex.say(t.approvalCmd, t.approvalForm);
      await form.getByRole("radio").first().check();
      await form.getByLabel(t.purpose).fill(t.purposeText);
      await form.locator(`input[type="checkbox"][aria-label="${t.openInfo}"]`).check();
      const status = await alex.click(t.approvalSubmit, t.sent);
      const reference = /APR-\d{4}-[A-Z0-9-]+/.exec(await status.innerText())?.[0];
      assert.ok(reference, await status.innerText());
      await alex.shoot(status, `approval-sent-${lang}`);

      // Megan's chat: the card with her view (the purpose, a comment field, the buttons)
      const card = megan.cards.filter({ hasText: `${t.approverTitle}${reference}` }).last();
      await card.waitFor({ timeout: 30_000 });
      const shown = await card.innerText();
      assert.ok(shown.includes(t.intro), shown);
      assert.ok(shown.includes(t.purposeText), shown);
      await megan.shoot(card, `approval-manager-${lang}`);
      if (t.commentText) await card.getByLabel(t.comment).fill(t.commentText);
      const decided = await megan.click(t.decide, t.decided);
      assert.ok((await decided.innerText()).includes(reference), await decided.innerText());
      assert.equal(await decided.getByRole("button", { name: t.decide }).count(), 0, "no buttons once decided");

      // Alex's card is redrawn in place, in his language, with Megan's comment
      const outcome = alex.cards.filter({ hasText: reference }).filter({ hasText: t.decided });
      await outcome.first().waitFor({ timeout: 30_000 });
      if (t.commentText) assert.ok((await outcome.first().innerText()).includes(t.commentText), await outcome.first().innerText());
      await alex.shoot(outcome.first(), `approval-decided-${lang}`);
      const stored = await (await bot!.app.approvals).service.get(reference);
      assert.equal(stored?.request.status, lang === "sv" ? "approved" : "rejected");
      assert.equal(stored?.request.decision?.by.name, "Megan Bowen");
    });
  }
});
