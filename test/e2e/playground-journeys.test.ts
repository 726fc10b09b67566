// End to end, issue 14: each journey of a new user's first hour through the Microsoft 365
// Agents Playground in Debian's Chromium, in Swedish and in English, asserting on what the
// chat shows. `npm run screenshots` also writes each card at 400 and 800 px to docs/screenshots.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { startBot, type RunningBot } from "../support/bot-server";
import { startPlayground, type Playground } from "../support/playground";
import { CHROMIUM, CHROMIUM_ARGS, PlaygroundPage } from "../support/playground-page";
import { Command } from "commander";
import { registerIncidentsCommand } from "../../src/cli/incidents-command";
import { registerApprovalsCommand } from "../../src/cli/approvals-command";
import { loadConfig } from "../../src/config";
import { FileServer } from "../support/file-server";
import { fixture } from "../images/fixtures";

/** real AI images (test/fixtures/images/real, the samples of /work/shared/images): the 367 KB WebP, a small PNG, a JPEG */
const IMAGES = [
  { file: "openai-dalle-chatgpt_c2pa.webp", mime: "image/webp" },
  { file: "sd-a1111_parameters.png", mime: "image/png" },
  { file: "microsoft-bing-image-creator_c2pa.jpg", mime: "image/jpeg" },
] as const;

/** an administrator in the sample directory (Patti Fernandez) */
const ADMIN = "00000000-0000-0000-0000-0000000000024";

/** ten findings of ten kinds on one line (the Playground flattens line breaks anyway) */
const DRAFT = {
  sv: "Anna Svensson (19121212-1212) ringde från 070-123 45 67 och vill ha svar på anna.svensson@example.se. Hon bor på Storgatan 12, 544 30 Hjo och har diabetes. Lösenordet till portalen är Sommar2026! och servern har IP 10.0.0.12. Bilen ABC 123 står i garaget. Pengarna går till SE45 5000 0000 0583 9825 7466.",
  en: "Anna Svensson (19121212-1212) called from 070-123 45 67 and wants an answer at anna.svensson@example.se. She lives at Storgatan 12, 544 30 Hjo and has diabetes. The portal password is Sommar2026! and the server IP is 10.0.0.12. The car ABC 123 is in the garage. The money goes to SE45 5000 0000 0583 9825 7466.",
};

const T = {
  sv: {
    hello: "hej",
    welcome: "Hej! Jag är Policybot",
    helpButton: "Vad kan du?",
    help: "Så här använder du Policybot",
    approvalCmd: "ansök om AI-verktyg",
    question: "Får jag använda ChatGPT med personuppgifter?",
    switched: "Nu svarar jag ur AI-policyn för",
    source: "Källa:",
    refusal: "Policyn tar inte upp det här",
    reviewTitle: "Granskning före Copilot",
    block: "Blockera",
    rules: /^Visa varför/,
    rulesHeading: "Regler i policyn som texten bryter mot",
    restoreButton: "Sätt tillbaka värdena",
    restored: "Copilots svar med dina värden",
    restoreText: (placeholder: string) => `Jag har ringt ${placeholder} och bokat ett nytt möte.`,
    report: "rapportera incident",
    emptyReview: "granska:",
    emptyReviewAnswer: "Skriv texten efter",
    unknownPack: "policy finnsinte",
    unknownPackAnswer: "Det finns ingen policy med id",
    incidentForm: "Rapportera en AI-incident",
    incidentStart: "Här i chatten",
    incidentWhatLabel: "Vad hände?",
    incidentWhat: "Vad hände?",
    incidentWhatText: "Jag klistrade in en lista med elevers namn i ChatGPT.",
    incidentKind: "Personuppgifter",
    incidentTool: "Välj verktyg",
    incidentSubmit: "Skicka rapporten",
    receipt: /Incidentrapporten är (mottagen|sparad)/,
    zoneHint: "Tider anges i Europe/Stockholm.",
    approvalForm: "Ansök om AI-verktyg",
    goesTo: "Vem beslutar: närmaste chef",
    purpose: "Vad ska du använda det till?",
    purposeText: "Sammanfatta offentliga protokoll inför nämndmöten.",
    openInfo: "Öppen information",
    approvalSubmit: "Skicka ansökan",
    approvalWaiting: "Ansökan väntar hos en administratör",
    approvalDecided: "Beslut: Godkänd",
    imageTitle: "Den här bilden är gjord med AI",
    copyButton: "Skapa märkt kopia",
    copySent: /^Här är den märkta kopian \((WEBP|PNG|JPEG), \d+ × \d+ px, \d+ KB\)/,
  },
  en: {
    hello: "hello",
    welcome: "Hi! I am Policybot",
    helpButton: "What can you do?",
    help: "How to use Policybot",
    approvalCmd: "request AI tool",
    question: "May I use ChatGPT with personal data?",
    switched: "I now answer from the AI policy of",
    source: "Source:",
    refusal: "The policy does not cover this",
    reviewTitle: "Review before Copilot",
    block: "Block",
    rules: /^Show why/,
    rulesHeading: "Rules of the policy the text breaks",
    restoreButton: "Put the values back",
    restored: "Copilot's answer with your values",
    restoreText: (placeholder: string) => `I have called ${placeholder} and booked a new meeting.`,
    report: "report incident",
    emptyReview: "review:",
    emptyReviewAnswer: "Write the text after",
    unknownPack: "policy doesnotexist",
    unknownPackAnswer: "There is no policy with id",
    incidentForm: "Report an AI incident",
    incidentStart: "Here in the chat",
    incidentWhatLabel: "What happened?",
    incidentWhat: "What happened?",
    incidentWhatText: "I pasted a list of pupils' names into ChatGPT.",
    incidentKind: "Personal data",
    incidentTool: "Choose a tool",
    incidentSubmit: "Send the report",
    receipt: /Incident report (received|saved)/,
    zoneHint: "Times are in Europe/Stockholm.",
    approvalForm: "Request an AI tool",
    goesTo: "Who decides: nearest manager",
    purpose: "What will you use it for?",
    purposeText: "Summarise public minutes before board meetings.",
    openInfo: "Open information",
    approvalSubmit: "Send request",
    approvalWaiting: "The request waits for an administrator",
    approvalDecided: "Decision: Approved",
    imageTitle: "This image was made with AI",
    copyButton: "Create labelled copy",
    copySent: /^Here is the labelled copy \((WEBP|PNG|JPEG), \d+ × \d+ px, \d+ KB\)/,
  },
} as const;

describe("end to end: the first hour's journeys in the Agents Playground (Chromium)", function () {
  this.timeout(180_000);
  let bot: RunningBot | undefined;
  let playground: Playground | undefined;
  let browser: BrowserContext | undefined;
  let profile: string | undefined;
  let pg: PlaygroundPage;
  let dataDir: string;
  const files = new FileServer();

  before(async () => {
    await files.start();
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-journeys-"));
    bot = await startBot({ LOG_LEVEL: "warn", DATA_DIR: dataDir });
    // the Playground gives its user the zone of its own process
    playground = await startPlayground(`${bot.url}/api/messages`, 30_000, { TZ: "Europe/Stockholm" });
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-chromium-"));
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timezoneId: "Europe/Stockholm", viewport: { width: 1100, height: 900 } });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(playground.url, { waitUntil: "load" });
    pg = new PlaygroundPage(page);
    // the install's welcome: the Playground's user has Teams in English
    await page.getByText("Hi! I am Policybot").first().waitFor({ timeout: 30_000 });
    await pg.closeLogPanel();
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await playground?.stop();
    await bot?.stop();
    await files.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  for (const lang of ["sv", "en"] as const) {
    const t = T[lang];
    describe(lang === "sv" ? "in Swedish" : "in English", () => {
      // what the person writes first sets their language (a test run alone starts here too)
      before(async () => void (await pg.say(t.hello, t.welcome)));

      it("first contact: a greeting gets the welcome in the language written, its help button the help with every command", async () => {
        const welcome = await pg.say(t.hello, t.welcome);
        await pg.shoot(welcome, `welcome-${lang}`);
        const help = await pg.click(t.helpButton, t.help);
        const shown = await help.innerText();
        assert.ok(shown.includes(t.approvalCmd), shown);
        assert.ok(shown.includes("policy ‹id›"), shown);
        await pg.shoot(help, `help-${lang}`);
      });

      it("a question per pack: answered from that pack's policy, quoted with its source", async () => {
        for (const id of bot!.library.ids()) {
          await pg.say(`policy ${id}`, t.switched);
          const expected = bot!.library.ask(id, t.question, { lang });
          const organisation = bot!.library.get(id).facts.organisation.name;
          const card = await pg.say(t.question, expected.refused ? t.refusal : `${t.source} ${organisation}`);
          if (id === "soderkoping") await pg.shoot(card, `answer-${lang}`);
        }
        await pg.say("policy soderkoping", t.switched);
      });

      it("a pasted draft: reviewed by content, at most 1,000 px tall at 400 px before expanding, rules behind a toggle, values restored", async function () {
        const card = await pg.say(DRAFT[lang], t.reviewTitle);
        const shown = await card.innerText();
        assert.ok(shown.includes(t.block), shown);
        assert.ok(!shown.includes("19121212-1212"), "values are masked");
        assert.ok(!shown.includes(t.rulesHeading), "the rules are folded");
        await pg.shoot(card, `review-${lang}`);
        const height = await pg.heightAt(card, 400);
        assert.ok(height <= 1000, `the review card is ${Math.round(height)} px tall at 400 px`);
        this.test!.title += ` [${Math.round(height)} px at 400 px]`;
        await pg.page.setViewportSize({ width: 1100, height: 900 });
        await card.getByRole("button", { name: t.rules }).click();
        await card.getByText(t.rulesHeading).waitFor({ timeout: 10_000 });
        // Copilot's answer with a placeholder from the redacted copy goes back with the real name
        const copy = await card.locator("textarea").first().inputValue();
        const placeholder = /\[[A-ZÅÄÖ_ ]+ \d+\]/.exec(copy)?.[0];
        assert.ok(placeholder, copy);
        await card.locator("textarea").last().fill(t.restoreText(placeholder));
        const restored = await pg.click(t.restoreButton, t.restored);
        const values = await restored.locator("textarea").first().inputValue();
        assert.ok(values.includes("Anna Svensson"), values);
        await pg.shoot(restored, `restored-${lang}`);
      });

      it("an incident: a short card, its chat button brings the form (the Playground has no dialogs) in the user's time zone, the receipt with a reference, and policybot incidents list shows it", async () => {
        const start = await pg.say(t.report, t.incidentForm);
        assert.equal(await start.locator("input, textarea").count(), 0, "no inputs in the chat before the button");
        await pg.shoot(start, `incident-start-${lang}`);
        const form = await pg.click(t.incidentStart, t.incidentWhatLabel);
        assert.ok((await form.innerText()).includes(t.zoneHint), await form.innerText());
        await pg.shoot(form, `incident-form-${lang}`);
        await form.getByLabel(t.incidentWhat).fill(t.incidentWhatText);
        // Fluent's date and time pickers take typed text
        const date = form.getByPlaceholder("Select a date...").first();
        await date.fill("2026-12-07");
        await date.press("Enter");
        const time = form.getByPlaceholder("Select a time...").first();
        await time.fill("09:30");
        await time.press("Enter");
        await form.getByPlaceholder(t.incidentTool).click();
        await pg.page.getByRole("option").first().click();
        await form.locator(`input[type="checkbox"][aria-label="${t.incidentKind}"]`).check();
        const receipt = await pg.click(t.incidentSubmit, t.receipt);
        const reference = /INC-\d{4}-[A-Z0-9-]+/.exec(await receipt.innerText())?.[0];
        assert.ok(reference, await receipt.innerText());
        await pg.shoot(receipt, `incident-receipt-${lang}`);
        const lines: string[] = [];
        const program = new Command().exitOverride();
        registerIncidentsCommand(program, { config: () => loadConfig({ DATA_DIR: dataDir }), out: (l) => lines.push(l), err: (l) => lines.push(l) });
        await program.parseAsync(["node", "policybot", "incidents", "list"]);
        assert.ok(lines.some((l) => l.includes(reference)), lines.join("\n"));
      });

      it("an approval: the form says who decides, the request waits for an administrator (the manager has never used the bot), who decides it with policybot approvals decide, and the requester's card says so", async () => {
        await pg.say("policy wenell", t.switched);
        const form = await pg.say(t.approvalCmd, t.approvalForm);
        assert.ok((await form.innerText()).includes(t.goesTo), await form.innerText());
        await pg.shoot(form, `approval-form-${lang}`);
        await form.getByRole("radio").first().check();
        await form.getByLabel(t.purpose).fill(t.purposeText);
        await form.locator(`input[type="checkbox"][aria-label="${t.openInfo}"]`).check();
        const status = await pg.click(t.approvalSubmit, t.approvalWaiting);
        const shown = await status.innerText();
        assert.ok(!shown.includes("no_conversation"), "no internal codes");
        const reference = /APR-\d{4}-[A-Z0-9-]+/.exec(shown)?.[0];
        assert.ok(reference, shown);
        await pg.shoot(status, `approval-waiting-${lang}`);
        const stack = await bot!.app.approvals;
        assert.ok(stack);
        const lines: string[] = [];
        const program = new Command().exitOverride();
        registerApprovalsCommand(program, { config: () => loadConfig({ DATA_DIR: dataDir }), open: async () => ({ ...stack, close: async () => undefined }), out: (l) => lines.push(l) });
        await program.parseAsync(["node", "policybot", "approvals", "decide", reference, "approve", "--as", ADMIN]);
        assert.match(lines[0] ?? "", new RegExp(`^${reference}  approved by `));
        assert.ok(lines.includes("  requester's card in Teams: updated"), lines.join("\n"));
        // the card in the chat is redrawn in place, in the requester's language
        const decided = pg.cards.filter({ hasText: reference }).filter({ hasText: t.approvalDecided });
        await decided.first().waitFor({ timeout: 30_000 });
        await pg.shoot(decided.first(), `approval-decided-cli-${lang}`);
        await pg.say("policy soderkoping", t.switched);
      });

      it("an image with its labelled copy: sent by the Playground's Custom activity as Teams sends a file, checked, and the copy shown in the chat (WebP, PNG, JPEG)", async () => {
        for (const { file, mime } of IMAGES) {
          const url = files.serve(file, { body: fixture(`real/${file}`) });
          // as Teams delivers a file sent in a 1:1 chat (the bot fetches the download URL)
          const card = await pg.customActivity(
            (t) => ({
              type: "message",
              channelId: "msteams",
              serviceUrl: t.serviceUrl,
              from: t.from,
              recipient: t.recipient,
              conversation: { id: t.conversationId, conversationType: "personal" },
              locale: lang === "sv" ? "sv-SE" : "en-US",
              text: "",
              attachments: [{ contentType: "application/vnd.microsoft.teams.file.download.info", name: file, content: { downloadUrl: url, uniqueId: file, fileType: file.split(".").pop() } }],
            }),
            t.imageTitle,
          );
          if (file.endsWith(".webp")) await pg.shoot(card, `image-${lang}`);
          const copies = pg.cards.filter({ hasText: t.copySent });
          const before = await copies.count();
          await card.getByRole("button", { name: t.copyButton }).click();
          const copy = copies.nth(before);
          await copy.waitFor({ timeout: 30_000 });
          // the picture is in the chat: the Playground drew it (a data URI of the copy's format, decoded by the browser)
          const img = copy.locator("img").first();
          await img.waitFor({ timeout: 10_000 });
          const drawn = await img.evaluate((e: HTMLImageElement) => ({ src: e.src.slice(0, 30), w: e.naturalWidth, h: e.naturalHeight, alt: e.alt }));
          assert.ok(drawn.src.startsWith(`data:${mime};base64,`), drawn.src);
          assert.ok(drawn.w >= 320 && drawn.h > 0, JSON.stringify(drawn));
          assert.equal(drawn.alt, "Denna bild har genererats med hjälp av AI", "the pack's caption, also the picture's alternative text");
          if (file.endsWith(".webp")) await pg.shoot(copy, `image-copy-${lang}`);
        }
      });

      it("bad input: an empty review and an unknown policy get a clear answer in the same language", async () => {
        await pg.say(t.emptyReview, t.emptyReviewAnswer);
        await pg.say(t.unknownPack, t.unknownPackAnswer);
      });
    });
  }
});
