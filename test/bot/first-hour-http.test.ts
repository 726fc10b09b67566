// Issue 14, "the first hour": one language per person, a helpful start, buttons that work
// in channels, no unrequested cards. Over real HTTP to the bot, replies caught by the
// connector stub.
import * as assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";
import { executeInvoke, message, post, submit, type ActivityOpts } from "../support/activities";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { adaptiveCardValidator, assertValid } from "../support/schemas";
import { textLanguage } from "../../src/bot/language";
import { day, instant } from "../../src/bot/approvals/texts";

/** every button of a card, wherever it sits (actions and ActionSets) */
function buttons(card: Record<string, any>): Array<Record<string, any>> {
  const out: Array<Record<string, any>> = [...actionsOf(card)];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    if (n.type === "ActionSet") out.push(...n.actions);
    for (const k of ["body", "items", "columns"]) if (n[k]) walk(n[k]);
  };
  walk(card.body);
  return out;
}

describe("the first hour (issue 14)", () => {
  let bot: RunningBot;
  const connector = new ConnectorStub();
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot();
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  /** posts one activity and returns every reply it caused */
  async function send(activity: unknown, replies = 1): Promise<Array<Record<string, any>>> {
    const before = connector.received.length;
    const res = await post(bot.url, activity);
    assert.equal(res.status, 200);
    const got = await connector.waitFor(before + replies);
    // nothing more arrives for this turn
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(connector.received.length, before + replies, `expected ${replies} replies: ${JSON.stringify(connector.received.slice(before).map((r) => r.activity.text ?? visibleTexts(cardOf(r.activity))[0]))}`);
    return got.slice(before).map((r) => r.activity);
  }

  const texts = (a: Record<string, any>) => (a.attachments?.length ? visibleTexts(cardOf(a)) : [String(a.text)]);

  describe("textLanguage", () => {
    it("reads the language from what is written, and gives no answer when nothing tells", () => {
      for (const s of ["hej", "hjälp", "Får jag använda Copilot?", "rapportera incident", "ansök om AI-verktyg", "granska: Ring Åsa"]) assert.equal(textLanguage(s), "sv", s);
      for (const s of ["hello", "help", "May I use Copilot with personal data?", "report incident", "request AI tool", "review: call Anna"]) assert.equal(textLanguage(s), "en", s);
      for (const s of ["policy", "policy hjo", "ok", "Copilot?", "", "?", "070-123 45 67"]) assert.equal(textLanguage(s), undefined, s);
    });
  });

  describe("cards", () => {
    it("every card checked against the schema is also checked against Teams' 28 KB (the check bites)", () => {
      const big = { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "x".repeat(29 * 1024), wrap: true }] };
      assert.throws(() => assertValid(adaptiveCardValidator(), big, "big card"), /28672/);
    });
  });

  describe("dates and times", () => {
    it("a period's last day is the day the form and the CLI say, in any reader's zone", () => {
      // the form's "7 December" is stored as that day's end in UTC
      assert.equal(day("2027-12-07T23:59:59.999Z", "sv"), "7 december 2027");
      assert.equal(day("2027-12-07T23:59:59.999Z", "en"), "7 December 2027");
    });

    it("an instant is shown in the reader's time zone", () => {
      assert.match(instant("2026-12-08T09:30:00.000Z", "en", "America/New_York"), /04:30/);
      assert.match(instant("2026-12-08T09:30:00.000Z", "sv", "Europe/Stockholm"), /10:30/);
    });
  });

  describe("one language per person", () => {
    it("a Swedish greeting from a user whose Teams is in English gets Swedish, and the next wordless command stays Swedish", async () => {
      const o: ActivityOpts = { serviceUrl, locale: "en-US", conversationId: `a:${randomUUID()}` };
      const [welcome] = await send(message("hej", o));
      assert.ok(texts(welcome).includes("Hej! Jag är Policybot"), JSON.stringify(texts(welcome)));
      const [packs] = await send(message("policy", o));
      assert.ok(texts(packs).includes("Policyer jag kan svara ur"), JSON.stringify(texts(packs)));
      const [answer] = await send(message("Copilot?", o));
      assert.ok(!texts(answer).some((t) => /Was this helpful|The policy does not cover/.test(t)), JSON.stringify(texts(answer)));
    });

    it("an English user is answered in English throughout, even with Teams in Swedish", async () => {
      const o: ActivityOpts = { serviceUrl, locale: "sv-SE", conversationId: `a:${randomUUID()}` };
      const [help] = await send(message("help", o));
      assert.ok(texts(help).includes("How to use Policybot"));
      const [packs] = await send(message("policy", o));
      assert.ok(texts(packs).includes("Policies I can answer from"), JSON.stringify(texts(packs)));
      // a card button (invoke, no text) keeps the person's language
      const [form] = await send(message("report incident", o));
      assert.ok(texts(form).some((t) => /incident/i.test(t)));
      assert.ok(!texts(form).some((t) => /Rapportera|Vad hände/.test(t)), JSON.stringify(texts(form)));
    });

    it("with nothing written, Teams' locale decides; each person in a group chat keeps their own language", async () => {
      const conversationId = `a:${randomUUID()}`;
      const [en] = await send(message("policy", { serviceUrl, locale: "en-US", conversationId }));
      assert.ok(texts(en).includes("Policies I can answer from"));
      const [sv] = await send(message("policy", { serviceUrl, locale: "sv-SE", conversationId: `a:${randomUUID()}` }));
      assert.ok(texts(sv).includes("Policyer jag kan svara ur"));
    });

    it("a Swedish draft from an English-locale user gets a Swedish review card and Swedish commands only", async () => {
      const o: ActivityOpts = { serviceUrl, locale: "en-US", conversationId: `a:${randomUUID()}` };
      const [card] = await send(message("granska: Ring Anna Andersson på 070-123 45 67 om hennes diagnos.", o));
      const all = texts(card).join("\n");
      assert.ok(!/\breview:/.test(all), all);
      assert.ok(/Granskning|granska|personuppgift/i.test(all), all);
    });
  });

  describe("drafts recognised by content", () => {
    it("a one-line 150-character draft with a personnummer, a diagnosis and an address gets the review card and nothing else", async () => {
      const draft = "Anna Svensson 19121212-1212 har fått diagnosen diabetes typ 2 och bor på Storgatan 12, 544 30 Hjo. Hon vill ha svar före fredag om sin sjukskrivning.";
      const [card] = await send(message(draft, { serviceUrl, locale: "en-US" }));
      const all = texts(card);
      assert.ok(all.includes("Granskning före Copilot") && all.includes("Blockera"), JSON.stringify(all));
      assert.ok(!all.join(" ").includes("19121212-1212"), "the value is masked");
    });

    it("a question about personal data is answered, not reviewed", async () => {
      const [answer] = await send(message("får jag klistra in personnummer i ChatGPT?", { serviceUrl }));
      assert.ok(!texts(answer).includes("Granskning före Copilot"), JSON.stringify(texts(answer)));
      assert.ok(texts(answer).includes("Var detta till hjälp?"), JSON.stringify(texts(answer)));
    });
  });

  describe("a helpful start", () => {
    it("the help card lists every command with its argument, including the AI tool request", async () => {
      const [help] = await send(message("hjälp", { serviceUrl }));
      const card = cardOf(help);
      assertValid(adaptiveCardValidator(), card, "help card");
      const all = texts(help);
      for (const c of ["hjälp", "policy", "policy ‹id›", "granska: ‹text›", "rapportera incident", "ansök om AI-verktyg"]) assert.ok(all.includes(c), `${c} in ${JSON.stringify(all)}`);
      assert.ok(!all.some((t) => /<\w+>/.test(t)), "no <…> an HTML renderer would eat");
      const [helpEn] = await send(message("help", { serviceUrl }));
      for (const c of ["help", "policy ‹id›", "review: ‹text›", "report incident", "request AI tool"]) assert.ok(texts(helpEn).includes(c), c);
    });

    it("the pack list says how to switch, with a real id, and offers a switch button per other pack", async () => {
      const [packs] = await send(message("policy", { serviceUrl }));
      const all = texts(packs);
      const others = bot.library.ids().filter((id) => id !== "soderkoping");
      assert.ok(all.some((t) => t.includes(`**policy ${others[0]}**`)), JSON.stringify(all));
      const switches = buttons(cardOf(packs)).map((b) => b.data?.text);
      assert.deepEqual(switches, others.map((id) => `policy ${id}`));
    });

    it("a greeting gets the welcome, whose buttons have short titles and work in a channel without an @mention", async () => {
      const [welcome] = await send(message("hej", { serviceUrl }));
      const card = cardOf(welcome);
      assertValid(adaptiveCardValidator(), card, "welcome card");
      const bs = buttons(card);
      assert.ok(bs.length >= 3);
      for (const b of bs) {
        assert.ok(b.title.length <= 28, `"${b.title}" fits a phone`);
        assert.deepEqual([b.type, b.data.verb], ["Action.Submit", "ask"], "a card submit reaches the bot, mention or not");
      }
      // the button's submit in a channel: a message with the button's data as its value, no text, no mention
      const b = bs.find((x) => String(x.data.text).endsWith("?"))!;
      const [answer] = await send(submit(b.data, { serviceUrl, conversationType: "channel" }));
      assert.ok(texts(answer).includes("Var detta till hjälp?") || texts(answer).includes("Policyn tar inte upp det här"), JSON.stringify(texts(answer)));
    });
  });

  describe("no unrequested cards", () => {
    it("a question about labelling AI images gets its answer only, no reminder card before it", async () => {
      const [answer] = await send(message("Måste jag märka bilder som jag gjort med AI?", { serviceUrl }));
      assert.ok(texts(answer).includes("Var detta till hjälp?") || texts(answer).includes("Policyn tar inte upp det här"), JSON.stringify(texts(answer)));
    });

    it("telling the bot you made an image with DALL-E still gets the labelling reminder", async () => {
      const [card] = await send(message("Jag har gjort en bild med DALL-E till nyhetsbrevet.", { serviceUrl }));
      assert.ok(texts(card).some((t) => /Kom ihåg att märka/.test(t)), JSON.stringify(texts(card)));
    });
  });

  it("a feedback click keeps the language of the answer", async () => {
    const o: ActivityOpts = { serviceUrl, locale: "sv-SE", conversationId: `a:${randomUUID()}` };
    const [answer] = await send(message("May I use ChatGPT with personal data?", o));
    const yes = actionsOf(cardOf(answer)).find((a) => a.type === "Action.Execute");
    assert.ok(yes, JSON.stringify(texts(answer)));
    const res = await post(bot.url, executeInvoke(yes.verb, yes.data, o));
    assert.equal(res.status, 200);
    assert.ok(JSON.stringify(res.body).includes("Thank you for your feedback!"), JSON.stringify(res.body).slice(0, 300));
  });
});
