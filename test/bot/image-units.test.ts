// The image feature's parts, directly: the AI-image statement pattern, which URLs are
// fetched, attachment parsing, where the bot's token goes, and every card kind for every
// pack against the Adaptive Cards 1.5 schema.
import * as assert from "node:assert/strict";
import { TestAdapter, TurnContext } from "botbuilder";
import { asksQuestion, imageClaim } from "../../src/bot/images/claim";
import { acceptSource } from "../../src/bot/images/sources";
import { imagesOf } from "../../src/bot/images/attachments";
import { connectorAuthorization, fetchImage } from "../../src/bot/images/fetch";
import { ImageFetchError } from "../../src/bot/images/errors";
import { addressedToBot } from "../../src/bot/images/routing";
import { labelRules } from "../../src/bot/images/labelling";
import { imageCard, type ImageCardKind } from "../../src/bot/cards/image-card";
import { copyActionData, parseImageCopyInvoke, parseImageCopySubmit, IMAGE_COPY_VERB } from "../../src/bot/images/action";
import { testLibrary } from "../support/library";
import { adaptiveCardValidator, assertValid } from "../support/schemas";
import { visibleTexts } from "../support/cards";
import { FileServer } from "../support/file-server";
import { TeamsServiceStub } from "./image-support";

describe("AI-image statements (sv/en)", () => {
  const yes: Array<[string, string | undefined, "sv" | "en"]> = [
    ["jag har gjort en bild med DALL-E", "DALL·E", "sv"],
    ["ska skapa en bild i Midjourney", "Midjourney", "sv"],
    ["made this picture with Copilot", "Copilot", "en"],
    ["Jag skapade omslagsbilden med ChatGPT", "ChatGPT", "sv"],
    ["Bilden är genererad i Stable Diffusion", "Stable Diffusion", "sv"],
    ["Vi ska ta fram en affisch med hjälp av Gemini", "Gemini", "sv"],
    ["Jag har gjort en AI-bild till nyhetsbrevet", undefined, "sv"],
    ["I generated an image with Adobe Firefly for the newsletter", "Adobe Firefly", "en"],
    ["Logotypen ritade jag i dall·e 3", "DALL·E", "sv"],
    ["Jag har gjort en bild med DALL-E, får jag använda den på webben?", "DALL·E", "sv"],
  ];
  for (const [text, generator, lang] of yes) {
    it(`claim: "${text}"`, () => assert.deepEqual(imageClaim(text), generator ? { generator, lang } : { generator: undefined, lang }));
  }
  const no = [
    "Får jag använda Copilot med personuppgifter?",
    "Hur ska en AI-genererad bild märkas?",
    "How should an AI-generated image be labelled?",
    "Får jag skapa bilder med Midjourney?",
    "May I make images with DALL-E?",
    "Jag gick en utbildning om Copilot och gjorde anteckningar",
    "Jag har tagit ett foto med min telefon",
    "Copilot gjorde en sammanfattning av mötet",
    "",
  ];
  for (const text of no) it(`no claim: "${text}"`, () => assert.equal(imageClaim(text), undefined));

  it("tells a statement from a statement with a question", () => {
    assert.equal(asksQuestion("jag har gjort en bild med DALL-E"), false);
    assert.equal(asksQuestion("Jag har gjort en bild med DALL-E. Får jag använda den"), true);
    assert.equal(asksQuestion("made this with Copilot, is that ok?"), true);
  });
});

describe("which image URLs the bot fetches", () => {
  const rules = { serviceUrl: "https://smba.trafficmanager.net/emea/", allowHttp: false };
  const cases: Array<[string, "inline" | "file", string, boolean]> = [
    ["pasted image on the connector", "inline", "https://smba.trafficmanager.net/emea/v3/attachments/0-weu-d1-abc/views/original", true],
    ["pasted image, other region path on the same origin", "inline", "https://smba.trafficmanager.net/amer/v3/attachments/0-eus-d1-abc/views/original", true],
    ["pasted image on another host", "inline", "https://us-api.asm.skype.com/v1/objects/0-eus/views/imgo", false],
    ["connector origin but not an attachment path", "inline", "https://smba.trafficmanager.net/emea/v3/conversations/x/activities", false],
    ["look-alike host", "inline", "https://smba.trafficmanager.net.evil.com/v3/attachments/x/views/original", false],
    ["http connector", "inline", "http://smba.trafficmanager.net/emea/v3/attachments/x/views/original", false],
    ["SharePoint download", "file", "https://contoso-my.sharepoint.com/personal/u/_layouts/15/download.aspx?UniqueId=x&tempauth=y", true],
    ["GCC SharePoint", "file", "https://contoso.sharepoint.us/download.aspx?x", true],
    ["not SharePoint", "file", "https://evil.example.com/x.png", false],
    ["sharepoint.com.evil", "file", "https://contoso.sharepoint.com.evil.net/x.png", false],
    ["credentials in the URL", "file", "https://user:pw@contoso.sharepoint.com/x.png", false],
    ["loopback http without the local allowance", "file", "http://127.0.0.1:8080/x.png", false],
    ["metadata service", "file", "http://169.254.169.254/latest/meta-data", false],
    ["not a URL", "file", "javascript:alert(1)", false],
  ];
  for (const [what, kind, url, ok] of cases) it(`${ok ? "accepts" : "refuses"} ${what}`, () => assert.equal(acceptSource({ kind, url }, rules), ok));

  it("local runs without auth: http on loopback only", () => {
    const local = { serviceUrl: "http://127.0.0.1:5000/", allowHttp: true };
    assert.equal(acceptSource({ kind: "file", url: "http://127.0.0.1:9/x.png" }, local), true);
    assert.equal(acceptSource({ kind: "file", url: "http://192.168.1.10/x.png" }, local), false);
    assert.equal(acceptSource({ kind: "inline", url: "http://127.0.0.1:5000/v3/attachments/a/views/original" }, local), true);
    assert.equal(acceptSource({ kind: "inline", url: "http://127.0.0.1:5001/v3/attachments/a/views/original" }, local), false, "another port is another origin");
  });
});

describe("image attachments of a Teams message", () => {
  it("finds pasted images and image files, ignores the HTML twin, documents and cards; channel files are unreachable", () => {
    const found = imagesOf([
      { contentType: "image/*", contentUrl: "https://smba.trafficmanager.net/emea/v3/attachments/a/views/original" },
      { contentType: "text/html", content: "<img src='x'>" },
      { contentType: "application/vnd.microsoft.teams.file.download.info", name: "foto.JPG", content: { downloadUrl: "https://x.sharepoint.com/d", fileType: "jpg" } },
      { contentType: "application/vnd.microsoft.teams.file.download.info", name: "utkast.docx", content: { downloadUrl: "https://x.sharepoint.com/e", fileType: "docx" } },
      { contentType: "application/vnd.microsoft.card.adaptive", content: {} },
      { contentType: "reference", contentUrl: "https://x.sharepoint.com/sites/t/bild.png", name: "bild.png" },
      { contentType: "image/png", contentUrl: "data:image/png;base64,AAAA" },
    ]);
    assert.deepEqual(found, [
      { kind: "source", source: { kind: "inline", url: "https://smba.trafficmanager.net/emea/v3/attachments/a/views/original", name: undefined } },
      { kind: "source", source: { kind: "file", url: "https://x.sharepoint.com/d", name: "foto.JPG" } },
      { kind: "unreachable" },
    ]);
    assert.deepEqual(imagesOf(undefined), []);
    assert.equal(imagesOf(Array.from({ length: 10 }, () => ({ contentType: "image/*", contentUrl: "https://a/v3/attachments/a/views/original" }))).length, 4, "bounded per message");
  });

  it("the copy action's data round-trips through both the Execute and Submit shapes; junk is refused", () => {
    const data = copyActionData({ kind: "file", url: "https://x.sharepoint.com/d", name: "a.png" }, "en");
    assert.deepEqual(parseImageCopyInvoke({ action: { type: "Action.Execute", verb: IMAGE_COPY_VERB, data } }), data);
    assert.deepEqual(parseImageCopySubmit({ verb: IMAGE_COPY_VERB, ...data }), data);
    assert.equal(parseImageCopySubmit({ verb: IMAGE_COPY_VERB, source: { kind: "ftp", url: "x" } }), undefined);
    assert.equal(parseImageCopyInvoke({ action: { type: "Action.Execute", verb: "other", data } }), undefined);
  });
});

describe("the bot's token for pasted images", () => {
  let teams: TeamsServiceStub;
  const files = new FileServer();
  before(async () => {
    teams = new TeamsServiceStub();
    await teams.start();
    await files.start();
  });
  after(async () => {
    await teams.stop();
    await files.stop();
  });

  it("comes from the connector client's credentials in the turn state (none without auth)", async () => {
    const ctx = new TurnContext(new TestAdapter(), { type: "message", serviceUrl: teams.url } as never);
    assert.equal(await connectorAuthorization(ctx), undefined, "no connector client: no token");
    // what botframework-connector's AppCredentials do: sign with "Bearer <token>"
    ctx.turnState.set(ctx.adapter.ConnectorClientKey, { credentials: { signRequest: async (r: { headers: { set(n: string, v: string): void } }) => (r.headers.set("authorization", "Bearer tok-1"), r) } });
    assert.equal(await connectorAuthorization(ctx), "Bearer tok-1");
    ctx.turnState.set(ctx.adapter.ConnectorClientKey, { credentials: { signRequest: async (r: unknown) => r } });
    assert.equal(await connectorAuthorization(ctx), undefined, "anonymous credentials sign nothing");
  });

  it("is sent to the connector origin only, never with a file URL or across a redirect", async () => {
    const img = teams.attach(Buffer.from("img"));
    const opts = { maxBytes: 1000, timeoutMs: 5000, allowHttp: true, serviceUrl: teams.url, authorization: "Bearer tok-1" };
    assert.equal(Buffer.from(await fetchImage({ kind: "inline", url: img.url }, opts)).toString(), "img");
    assert.equal(teams.downloads[0].authorization, "Bearer tok-1");
    // a file URL: pre-authorised, no token
    const seen: Array<string | undefined> = [];
    const http = await import("node:http");
    const probe = http.createServer((req, res) => (seen.push(req.headers.authorization), res.end("x")));
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as { port: number }).port;
    try {
      await fetchImage({ kind: "file", url: `http://127.0.0.1:${port}/a.png` }, opts);
      // a connector URL that redirects elsewhere: followed, but without the token
      const redirect = teams.attach(Buffer.alloc(0));
      redirect.entry.redirect = `http://127.0.0.1:${port}/b.png`;
      assert.equal(Buffer.from(await fetchImage({ kind: "inline", url: redirect.url }, opts)).toString(), "x");
      assert.equal(teams.downloads[1].authorization, "Bearer tok-1", "the connector itself got the token");
      // a URL that is not the connector's is refused up front, token or not
      const viaFiles = files.serve("r", { body: Buffer.from("y") });
      await assert.rejects(fetchImage({ kind: "inline", url: viaFiles }, opts), (e: unknown) => e instanceof ImageFetchError && e.code === "rejectedUrl");
      assert.deepEqual(seen, [undefined, undefined], "neither the file URL nor the redirect target saw the token");
    } finally {
      probe.closeAllConnections();
      await new Promise<void>((r) => probe.close(() => r()));
    }
  });
});

describe("image cards against the Adaptive Cards 1.5 schema", () => {
  const library = testLibrary();
  const kinds: ImageCardKind[] = ["ai", "likely", "claim", "claimImage"];
  for (const packId of library.ids()) {
    for (const lang of ["sv", "en"] as const) {
      it(`${packId} (${lang}): every kind validates and quotes the pack's image rules`, () => {
        const facts = library.get(packId).facts;
        const rules = labelRules(facts, lang);
        for (const kind of kinds) {
          const card = imageCard({ lang, kind, generator: kind === "claim" ? undefined : "DALL·E", evidence: ["c2pa", "iptc", "c2pa"], unverified: kind === "ai", rules, copy: kind === "claim" ? undefined : copyActionData({ kind: "inline", url: "https://smba.trafficmanager.net/emea/v3/attachments/a/views/original" }, lang), sendHint: kind === "claim" });
          assertValid(adaptiveCardValidator(), card, `${packId} ${kind} card`);
          const texts = visibleTexts(card);
          for (const c of [...(facts.imageLabel?.citations ?? []), ...(facts.imageRules?.citations ?? [])]) assert.ok(texts.includes(`”${c.quote}”`), `${packId}: ${c.quote.slice(0, 30)}`);
          assert.equal(texts.filter((x) => x.includes("Content Credentials")).length, kind === "ai" || kind === "likely" ? 1 : 0, "evidence listed once per kind");
          assert.equal(!!card.actions?.length, kind !== "claim");
          if (facts.imageLabel) assert.ok(texts.some((x) => x.includes(facts.imageLabel!.text)));
          else assert.ok(rules.captionFromPack === false && texts.some((x) => x.includes(rules.caption)));
        }
      });
    }
  }
});

describe("which channel messages are for the bot (RSC delivers them all)", () => {
  const ctxFor = (conversationType: string, text: string, mention = false) =>
    new TurnContext(new TestAdapter(), {
      type: "message",
      text,
      recipient: { id: "28:bot", name: "Policybot" },
      conversation: { id: "c", conversationType },
      entities: mention ? [{ type: "mention", text: "<at>Policybot</at>", mentioned: { id: "28:bot", name: "Policybot" } }] : [],
    } as never);
  it("1:1 always; channels only with an @mention or an exact command", () => {
    assert.equal(addressedToBot(ctxFor("personal", "vad tycker ni?")), true);
    assert.equal(addressedToBot(ctxFor("channel", "vad tycker ni om Copilot?")), false);
    assert.equal(addressedToBot(ctxFor("groupChat", "jag har gjort en bild med DALL-E")), false);
    assert.equal(addressedToBot(ctxFor("channel", "<at>Policybot</at> får jag använda Copilot?", true)), true);
    assert.equal(addressedToBot(ctxFor("groupChat", "rapportera incident")), true);
    assert.equal(addressedToBot(ctxFor("channel", "hjälp")), true);
    assert.equal(addressedToBot(ctxFor("channel", "")), false);
  });
});
