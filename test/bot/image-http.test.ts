// AI images through the whole bot over real HTTP: pasted images served by a stand-in Bot
// Connector, files by a local "SharePoint", the real fixtures of test/fixtures/images.
// 1:1 answers every image; channels hear only about AI images; the labelled copy is
// fetched again on request and comes back in a card, small enough for Teams, carrying the IPTC marker.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import sharp from "sharp";
import { startBot, type RunningBot } from "../support/bot-server";
import { message, post } from "../support/activities";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { adaptiveCardValidator, assertValid } from "../support/schemas";
import { FileServer, type Served } from "../support/file-server";
import { fileMessage } from "../support/review-activities";
import { fixture } from "../images/fixtures";
import { detectProvenance } from "../../src/images";
import { t } from "../../src/locales";
import { captionStrip } from "../../src/images/caption-strip";
import { IMAGE_COPY_VERB } from "../../src/bot/images/action";
import { TeamsServiceStub, channelFileReference, invoke, pastedImage, submitValue, unmentioned } from "./image-support";

const CAPTION_Q = "Denna bild har genererats med hjälp av AI";
const SOURCE_Q = "Källa: Söderköpings kommun, 4.4 Transparens, regel Q";
const DALLE = "real/openai-dalle-chatgpt_c2pa.webp";
const FIREFLY = "real/adobe-firefly-photoshop_c2pa.jpg";
const SD = "real/sd-a1111_parameters.png";
const PHOTO = "real/c2pa-rs_P1000827_no_c2pa.jpg";
const SCREENSHOT = "generated/ordinary_windows-screenshot.png";

function dataUrlBytes(url: string): { mime: string; bytes: Buffer } {
  const m = /^data:(image\/[a-z]+);base64,(.+)$/s.exec(url);
  assert.ok(m, `a base64 data URL, got ${url.slice(0, 40)}`);
  return { mime: m[1], bytes: Buffer.from(m[2], "base64") };
}

/** the labelled copy's message: a card (valid, within Teams' limit) holding the picture as a data URI */
function copyOf(activity: any): { texts: string[]; mime: string; bytes: Buffer; alt: string } {
  const card = cardOf(activity);
  assertValid(adaptiveCardValidator(), card, "labelled copy card");
  const image = (card.body as any[]).find((e) => e.type === "Image");
  assert.ok(image, "the card holds the picture");
  return { texts: visibleTexts(card), ...dataUrlBytes(image.url), alt: image.altText };
}

async function size(bytes: Buffer): Promise<{ width: number; height: number }> {
  const { info } = await sharp(bytes, { autoOrient: true }).toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height };
}

describe("AI images over HTTP", function () {
  this.timeout(60000);
  let bot: RunningBot;
  const teams = new TeamsServiceStub();
  const files = new FileServer();
  let serviceUrl: string;
  let dataDir: string;

  before(async () => {
    serviceUrl = await teams.start();
    await files.start();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-img-"));
    bot = await startBot({ DATA_DIR: dataDir });
  });
  after(async () => {
    await bot?.stop();
    await teams.stop();
    await files.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => teams.clear());

  async function send(activity: unknown, n: number) {
    const res = await post(bot.url, activity);
    assert.equal(res.status, 200);
    return (await teams.settle(n)).map((s) => s.activity);
  }

  function aiCard(activity: Record<string, any>, what: string): { card: any; texts: string[] } {
    const card = cardOf(activity);
    assertValid(adaptiveCardValidator(), card, what);
    return { card, texts: visibleTexts(card) };
  }

  for (const [file, generator, via] of [[DALLE, "DALL·E", "pasted"], [FIREFLY, "Adobe Firefly", "file"], [SD, "Stable Diffusion", "pasted"]] as const) {
    it(`an AI image in 1:1 (${path.basename(file)}, ${via}) gets the card: rule Q verbatim with its source, the generator, "Skapa märkt kopia"`, async () => {
      const bytes = fixture(file);
      const activity = via === "pasted" ? pastedImage(teams.attach(bytes).url, { serviceUrl }) : fileMessage(path.basename(file), files.serve(path.basename(file), { body: bytes }), { serviceUrl });
      const sent = await send(activity, 1);
      assert.equal(sent.length, 1, "one reply");
      const { card, texts } = aiCard(sent[0], "AI image card");
      assert.ok(texts.includes("Den här bilden är gjord med AI"), JSON.stringify(texts));
      assert.ok(texts.includes(generator), `generator ${generator} in ${JSON.stringify(texts)}`);
      assert.ok(texts.includes(`”${CAPTION_Q}”`), "the caption, verbatim");
      const quoteQ = bot.library.get("soderkoping").facts.imageLabel!.citations[0].quote;
      assert.ok(texts.includes(`”${quoteQ}”`), "rule Q quoted verbatim");
      assert.ok(texts.includes(SOURCE_Q), "with section and rule");
      assert.ok(texts.some((t) => t.includes("Det är tillåtet att använda AI-genererade bilder")), "rule R quoted too");
      const [action] = actionsOf(card);
      assert.equal(action.type, "Action.Execute");
      assert.equal(action.title, "Skapa märkt kopia");
      assert.equal(action.verb, IMAGE_COPY_VERB);
      assert.equal(action.fallback.type, "Action.Submit");
      if (via === "pasted") assert.equal(teams.downloads.length, 1, "fetched once from the connector");
    });
  }

  it("an ordinary photo in 1:1 gets the short honest note (metadata can be stripped; label if AI), no card", async () => {
    const [a] = await send(pastedImage(teams.attach(fixture(PHOTO)).url, { serviceUrl }), 1);
    assert.equal(a.attachments, undefined);
    assert.match(a.text, /inga uppgifter i bilden om att den är gjord med AI/);
    assert.match(a.text, /Metadata försvinner lätt/);
    assert.ok(a.text.includes(`”${CAPTION_Q}”`));
    assert.ok(a.text.includes("regel Q"));
  });

  it("in a channel (RSC, no @mention): an ordinary image, plain text and a file reference get no reply", async () => {
    const conv = { serviceUrl, conversationType: "channel" as const, conversationId: "19:team@thread.tacv2;messageid=1" };
    await post(bot.url, pastedImage(teams.attach(fixture(SCREENSHOT)).url, conv));
    await post(bot.url, pastedImage(teams.attach(fixture(PHOTO)).url, { ...conv, conversationType: "groupChat", conversationId: "19:group@thread.v2" }));
    await post(bot.url, unmentioned("Får jag använda ChatGPT med personuppgifter?", conv));
    await post(bot.url, unmentioned("jag har gjort en bild med DALL-E", conv));
    await post(bot.url, channelFileReference("semester.jpg", conv));
    await post(bot.url, pastedImage(teams.attach(fixture(PHOTO).subarray(0, 2000)).url, conv));
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(teams.sent.length, 0, JSON.stringify(teams.sent.map((s) => s.activity.text ?? "card")));
    assert.equal(teams.downloads.length, 3, "the images were checked all the same");
  });

  it("an AI image in a channel (no @mention) gets the reminder card", async () => {
    const [a] = await send(pastedImage(teams.attach(fixture(DALLE)).url, { serviceUrl, conversationType: "channel", conversationId: "19:team@thread.tacv2;messageid=2" }), 1);
    const { texts } = aiCard(a, "channel AI card");
    assert.ok(texts.includes(SOURCE_Q));
    assert.ok(texts.includes("DALL·E"));
  });

  it("an image without traces whose sender says it is AI-made gets the card, in a channel too", async () => {
    const [a] = await send(pastedImage(teams.attach(fixture(SCREENSHOT)).url, { serviceUrl, conversationType: "channel" }, "Ny affisch, jag gjorde bilden i Midjourney"), 1);
    const { card, texts } = aiCard(a, "claimed image card");
    assert.ok(texts.some((t) => t.includes("du skriver att den är gjord med Midjourney")), JSON.stringify(texts));
    assert.equal(actionsOf(card)[0].title, "Skapa märkt kopia");
  });

  it("'Skapa märkt kopia' (Action.Execute) re-fetches the image and sends it back labelled in a card: IPTC marker, made smaller to fit a Teams message, the strip laid out at the new width", async () => {
    const original = fixture(DALLE);
    const attached = teams.attach(original);
    const conversationId = "a:copy-1";
    const [cardActivity] = await send(pastedImage(attached.url, { serviceUrl, conversationId }), 1);
    const action = actionsOf(cardOf(cardActivity))[0];
    teams.clear();
    const res = await post(bot.url, invoke(action.verb, action.data, { serviceUrl, conversationId }));
    assert.equal(res.status, 200);
    assert.equal(res.body.statusCode, 200);
    assert.equal(res.body.type, "application/vnd.microsoft.activity.message", "the card stays; a short message confirms");
    assert.equal(teams.downloads.length, 1, "fetched again: the bot kept no bytes");
    const [copyMsg] = (await teams.settle(1)).map((s) => s.activity);
    const { texts, mime, bytes, alt } = copyOf(copyMsg);
    assert.ok(texts[0].startsWith("Här är den märkta kopian (WEBP,"), texts[0]);
    assert.ok(texts.includes("Bilden är förminskad så att den ryms i ett chattmeddelande i Teams."), JSON.stringify(texts));
    assert.equal(mime, "image/webp", "original format kept");
    assert.equal(alt, CAPTION_Q);
    const verdict = detectProvenance(bytes);
    assert.equal(verdict.verdict, "ai");
    assert.ok(verdict.evidence.some((e) => e.kind === "iptc" && /trainedAlgorithmicMedia/.test(e.detail)), JSON.stringify(verdict.evidence));
    // 367 KB and 1024 px wide: made smaller to fit the message, the picture's proportions kept, the strip laid out at the new width
    const before = await size(original);
    const after = await size(bytes);
    assert.ok(after.width < before.width && after.width >= 320, `${after.width} px`);
    const strip = captionStrip(CAPTION_Q, after.width).height;
    assert.ok(Math.abs((after.height - strip) / after.width - before.height / before.width) < 0.01, "proportions kept");
    assert.ok(bytes.length <= 18 * 1024, `${bytes.length} bytes: within IMAGE_COPY_MAX_KB`);
  });

  it("the Action.Submit fallback sends the copy of a file image too (JPEG stays JPEG)", async () => {
    const original = fixture(FIREFLY);
    const conversationId = "a:copy-2";
    const [cardActivity] = await send(fileMessage("firefly.jpg", files.serve("firefly.jpg", { body: original }), { serviceUrl, conversationId }), 1);
    const action = actionsOf(cardOf(cardActivity))[0];
    teams.clear();
    const [copyMsg] = await send(submitValue(action.fallback.data, { serviceUrl, conversationId }), 1);
    const { mime, bytes, texts } = copyOf(copyMsg);
    assert.equal(mime, "image/jpeg");
    assert.ok(texts[0].startsWith("Här är den märkta kopian (JPEG,"), texts[0]);
    assert.equal(detectProvenance(bytes).verdict, "ai");
  });

  it("nothing is kept: once the source is gone the copy cannot be made, and no image bytes reach the data folder or the log", async () => {
    const original = fixture(SD);
    const served: Served = { body: original };
    const url = files.serve("sd.png", served);
    const conversationId = "a:copy-3";
    const [cardActivity] = await send(fileMessage("sd.png", url, { serviceUrl, conversationId }), 1);
    const action = actionsOf(cardOf(cardActivity))[0];
    served.status = 404;
    delete served.body;
    teams.clear();
    const res = await post(bot.url, invoke(action.verb, action.data, { serviceUrl, conversationId }));
    assert.equal(res.body.type, "application/vnd.microsoft.activity.message");
    const [a] = (await teams.settle(1)).map((s) => s.activity);
    assert.match(a.text, /gick inte att hämta igen/);
    assert.equal(a.attachments, undefined);

    const probe = original.subarray(original.length - 48).toString("hex");
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const f of walk(dataDir)) assert.ok(!fs.readFileSync(f).toString("hex").includes(probe), `${f} holds image bytes`);
    const log = bot.logs.text();
    for (const needle of ["tempauth", "sd.png", "firefly.jpg", "/v3/attachments/", "Midjourney", "Ny affisch"]) assert.ok(!log.includes(needle), `log contains ${needle}`);
    const checks = bot.logs.entries().filter((e) => e.event === "imageCheck");
    assert.ok(checks.length > 5);
    // verdict, format and timing (with where it came from and what was answered): nothing else
    const allowed = new Set(["level", "time", "pid", "hostname", "app", "correlationId", "msg", "event", "via", "scope", "verdict", "format", "code", "claim", "replied", "ms"]);
    for (const e of checks) assert.deepEqual(Object.keys(e).filter((k) => !allowed.has(k)), []);
  });

  it("a crafted action pointing elsewhere is refused without any request", async () => {
    const before = files.requests.length;
    for (const source of [
      { kind: "file", url: "https://evil.example.com/x.png" },
      { kind: "inline", url: files.serve("x.png", { body: fixture(DALLE) }) },
      { kind: "inline", url: "http://169.254.169.254/v3/attachments/x/views/original" },
    ]) {
      teams.clear();
      const [a] = await send(submitValue({ verb: IMAGE_COPY_VERB, source, lang: "sv" }, { serviceUrl }), 1);
      assert.match(a.text, /adress jag inte hämtar bilder från/);
    }
    assert.equal(files.requests.length, before);
    assert.equal(teams.downloads.length, 0);
  });

  it("a pasted image on a host other than the connector is not fetched (the bot's token goes nowhere else)", async () => {
    const [a] = await send(pastedImage(files.serve("x.png", { body: fixture(DALLE) }).replace(/\?.*$/, ""), { serviceUrl }), 1);
    assert.match(a.text, /adress jag inte hämtar bilder från/);
  });

  it("text that says an image was made with DALL-E gets the reminder without an image; a question in it gets its answer only", async () => {
    const [a] = await send(message("jag har gjort en bild med DALL-E", { serviceUrl }), 1);
    const { card, texts } = aiCard(a, "claim card");
    assert.ok(texts.includes("Kom ihåg att märka AI-bilden"));
    assert.ok(texts.some((t) => t.includes("gjord med DALL·E")));
    assert.ok(texts.includes(SOURCE_Q));
    assert.equal(actionsOf(card).length, 0, "no image, no copy button");
    assert.ok(texts.some((t) => t.startsWith("Skicka bilden till mig")));

    teams.clear();
    // a question gets its answer only: no reminder card it did not ask for (issue 14)
    const both = await send(message("Jag ska skapa en bild i Midjourney. Får jag använda den på kommunens webbplats?", { serviceUrl }), 1);
    assert.equal(both.length, 1);
    assert.ok(!visibleTexts(cardOf(both[0])).includes("Kom ihåg att märka AI-bilden"), "the answer card only");

    teams.clear();
    const [en] = await send(message("I made this picture with Copilot", { serviceUrl, locale: "en-US" }), 1);
    const enTexts = visibleTexts(cardOf(en));
    assert.ok(enTexts.includes("Remember to label the AI image"));
    assert.ok(enTexts.includes(`“${CAPTION_Q}”`), "the Swedish caption, verbatim, in an English card");

    teams.clear();
    const q = await send(message("Hur ska en AI-genererad bild märkas?", { serviceUrl }), 1);
    assert.equal(q.length, 1);
    assert.ok(!visibleTexts(cardOf(q[0])).includes("Kom ihåg att märka AI-bilden"), "a question about labelling is answered, not reminded");
  });

  it("Hjo (no caption of its own): its four image rules quoted, the neutral caption, and a copy that says so", async () => {
    const conversationId = "a:hjo-1";
    await send(message("policy hjo", { serviceUrl, conversationId }), 1);
    teams.clear();
    const [a] = await send(pastedImage(teams.attach(fixture(SD)).url, { serviceUrl, conversationId }), 1);
    const { card, texts } = aiCard(a, "Hjo card");
    const hjo = bot.library.get("hjo").facts.imageRules!;
    for (const c of hjo.citations) assert.ok(texts.includes(`”${c.quote}”`), `Hjo quote: ${c.quote.slice(0, 40)}`);
    assert.ok(texts.includes(hjo.summary.sv));
    assert.ok(texts.some((t) => t.startsWith("Policyn anger ingen särskild bildtext")));
    assert.ok(texts.includes(`”${t("sv", "images", "caption.default")}”`), "the neutral caption from the image locale file");
    teams.clear();
    const action = actionsOf(card)[0];
    await post(bot.url, invoke(action.verb, action.data, { serviceUrl, conversationId }));
    const [copy] = (await teams.settle(1)).map((s) => s.activity);
    const c = copyOf(copy);
    assert.ok(c.texts.some((l) => l.startsWith("Policyn kräver ingen särskild text")), JSON.stringify(c.texts));
    assert.equal(c.mime, "image/png");
    assert.ok(!c.texts.includes("Bilden är förminskad så att den ryms i ett chattmeddelande i Teams."), "a small PNG stays as it is");
  });

  describe("files that are not checkable images get a clear answer in 1:1 and silence in channels", () => {
    const cases: Array<[string, () => Served, RegExp]> = [
      ["zero-byte", () => ({ body: Buffer.alloc(0) }), /Filen är tom/],
      ["corrupt (cut short)", () => ({ body: fixture(PHOTO).subarray(0, 2500) }), /skadad eller avkortad/],
      ["not an image (text named .png)", () => ({ body: Buffer.from("det här är ingen bild\n".repeat(50)) }), /ingen bild i ett format jag känner igen/],
      ["huge (26 MB, declared)", () => ({ body: Buffer.alloc(26 * 1024 * 1024, 1) }), /större än 25 MB/],
      ["huge (26 MB, chunked)", () => ({ body: Buffer.alloc(26 * 1024 * 1024, 1), chunked: true }), /större än 25 MB/],
      ["unreachable (404)", () => ({ status: 404 }), /kunde inte hämta bilden/],
    ];
    for (const [what, served, expected] of cases) {
      it(what, async () => {
        const [a] = await send(fileMessage("bild.png", files.serve("bild.png", served()), { serviceUrl }), 1);
        assert.match(a.text, expected);
        assert.equal(a.attachments, undefined);
        teams.clear();
        const s = served();
        await post(bot.url, pastedImage(teams.attach(s.body ?? Buffer.alloc(0)).url, { serviceUrl, conversationType: "channel" }));
        await new Promise((r) => setTimeout(r, 250));
        assert.equal(teams.sent.length, 0, "silence in the channel");
      });
    }
  });
});

describe("AI images over HTTP: a copy that cannot be made small enough", function () {
  this.timeout(60000);
  let bot: RunningBot;
  const teams = new TeamsServiceStub();
  let serviceUrl: string;
  before(async () => {
    serviceUrl = await teams.start();
    bot = await startBot({ IMAGE_COPY_MAX_KB: "4" });
  });
  after(async () => {
    await bot?.stop();
    await teams.stop();
  });

  it("says clearly that the copy is too big to send, and gives the caption to add by hand", async () => {
    const conversationId = "a:big-1";
    // 320 × 3,000 px of noise, which its sender says Midjourney made: no legible copy of it fits 4 KB
    const noise = Buffer.alloc(320 * 3_000 * 3);
    let x = 11;
    for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    const tall = await sharp(noise, { raw: { width: 320, height: 3_000, channels: 3 } }).jpeg().toBuffer();
    const post1 = await post(bot.url, pastedImage(teams.attach(tall).url, { serviceUrl, conversationId }, "Jag gjorde bilden i Midjourney"));
    assert.equal(post1.status, 200);
    const [cardActivity] = (await teams.settle(1)).map((s) => s.activity);
    const action = actionsOf(cardOf(cardActivity))[0];
    teams.clear();
    await post(bot.url, invoke(action.verb, action.data, { serviceUrl, conversationId }));
    const [a] = (await teams.settle(1)).map((s) => s.activity);
    assert.match(a.text, /^Den märkta kopian blir \d+ KB, mer än de 4 KB jag kan skicka i chatten/);
    assert.ok(a.text.includes(`”${CAPTION_Q}”`));
    assert.equal(a.attachments, undefined);
  });
});
