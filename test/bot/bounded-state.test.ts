// The bot's in-memory maps keyed by what activities bring (conversation ids, user ids)
// are bounded, O(1) per activity, and fall back correctly once an entry is forgotten
// (issue 10, finding 6): the conversation packs, the welcomed conversations, the recent
// answers and the conversation references.
import assert from "node:assert/strict";
import type { Activity, TurnContext } from "botbuilder";
import { CONVERSATION_PACKS_MAX, ConversationPacks } from "../../src/bot/conversation-packs";
import { Welcomer, WELCOMED_MAX } from "../../src/bot/handlers/welcome";
import type { BotDeps } from "../../src/bot/deps";
import { RecentAnswers, type SentAnswer } from "../../src/bot/recent-answers";
import { CONVERSATION_REFS_MAX, ConversationRefs } from "../../src/bot/notify/conversation-refs";
import { LocalNotifier } from "../../src/bot/notify/local-notifier";
import { captureLog } from "../support/log-capture";
import { countWalks } from "../support/walks";

const conv = (i: number) => `a:conversation-${i}`;

describe("bounded bot state", () => {
  describe("ConversationPacks", () => {
    it("100 000 conversations choosing a pack: at most the bound kept, the forgotten ones answer from the default pack", async () => {
      const packs = new ConversationPacks("default-pack");
      await packs.set("a:kept", "other-pack");
      for (let i = 0; i < 100_000; i++) {
        await packs.set(conv(i), "other-pack");
        if (i % 1000 === 0) assert.equal(packs.get("a:kept"), "other-pack", "a conversation in use keeps its pack");
        assert.ok(packs.size <= CONVERSATION_PACKS_MAX);
      }
      assert.equal(packs.size, CONVERSATION_PACKS_MAX);
      assert.equal(packs.get(conv(0)), "default-pack", "the least recently used fell back to the default pack");
      assert.equal(packs.get(conv(100_000 - CONVERSATION_PACKS_MAX - 1)), "default-pack");
      assert.equal(packs.get(conv(99_999)), "other-pack");
      assert.equal(packs.get("a:kept"), "other-pack");
    });

    it("a conversation switched back to the default pack holds no entry", async () => {
      const packs = new ConversationPacks("default-pack", 10);
      for (let i = 0; i < 100; i++) await packs.set(conv(i), "default-pack");
      assert.equal(packs.size, 0);
      await packs.set("a:x", "other-pack");
      await packs.set("a:x", "default-pack");
      assert.deepEqual([packs.size, packs.get("a:x")], [0, "default-pack"]);
    });
  });

  describe("Welcomer", () => {
    function rig() {
      let now = Date.parse("2026-03-02T09:00:00Z");
      const sent: string[] = [];
      const deps = {
        packs: new ConversationPacks("p"),
        library: { get: () => ({ facts: { organisation: { name: "Kommunen" } } }) },
        log: captureLog("silent").log,
      } as unknown as BotDeps;
      const welcomer = new Welcomer(deps, { now: () => now });
      const ctx = (id: string) =>
        ({
          activity: { conversation: { id }, locale: "sv-SE" },
          sendActivity: async () => (sent.push(id), { id: "x" }),
        }) as unknown as TurnContext;
      return { welcomer, sent, ctx, advance: (ms: number) => (now += ms) };
    }

    it("100 000 conversations welcomed within one window: the map stays within its bound, each gets one welcome", async () => {
      const r = rig();
      for (let i = 0; i < 100_000; i++) {
        await r.welcomer.welcome(r.ctx(conv(i)), "membersAdded");
        assert.ok(r.welcomer.remembered <= WELCOMED_MAX);
      }
      assert.equal(r.sent.length, 100_000);
      // Teams' second event for the latest install is still recognised
      await r.welcomer.welcome(r.ctx(conv(99_999)), "installationUpdate");
      assert.equal(r.sent.length, 100_000);
      assert.equal(r.welcomer.remembered, WELCOMED_MAX);
    });

    it("a welcome does not walk the welcomed conversations (O(1) per activity)", async () => {
      const r = rig();
      for (let i = 0; i < 5000; i++) await r.welcomer.welcome(r.ctx(conv(i)), "membersAdded");
      r.advance(60_000);
      // walks over anything as large as the conversations welcomed (the card's own small Sets aside)
      const walks = await countWalks(async () => {
        for (let i = 5000; i < 5100; i++) await r.welcomer.welcome(r.ctx(conv(i)), "installationUpdate");
      }, 1000);
      assert.equal(walks, 0);
      assert.equal(r.sent.length, 5100);
    });

    it("one welcome per conversation per window, and a new one after the window", async () => {
      const r = rig();
      await r.welcomer.welcome(r.ctx("a:1"), "membersAdded");
      await r.welcomer.welcome(r.ctx("a:1"), "installationUpdate");
      assert.deepEqual(r.sent, ["a:1"]);
      r.advance(10 * 60_000);
      await r.welcomer.welcome(r.ctx("a:2"), "membersAdded"); // drops a:1, expired, from the front
      assert.equal(r.welcomer.remembered, 1);
      await r.welcomer.welcome(r.ctx("a:1"), "membersAdded");
      assert.deepEqual(r.sent, ["a:1", "a:2", "a:1"]);
    });
  });

  describe("RecentAnswers", () => {
    it("keeps the last 500 answers: a feedback click on a forgotten one finds nothing", () => {
      const recent = new RecentAnswers();
      const sent = { kind: "refusal", data: {} } as unknown as SentAnswer;
      for (let i = 0; i < 100_000; i++) recent.remember(`answer-${i}`, sent);
      assert.equal(recent.get("answer-0"), undefined);
      assert.equal(recent.get(`answer-${100_000 - 501}`), undefined);
      assert.equal(recent.get(`answer-${100_000 - 500}`), sent);
    });

    it("remembering an answer when full does not walk the map", async () => {
      const recent = new RecentAnswers();
      const sent = { kind: "refusal", data: {} } as unknown as SentAnswer;
      for (let i = 0; i < 2000; i++) recent.remember(`answer-${i}`, sent);
      assert.equal(await countWalks(() => { for (let i = 2000; i < 4000; i++) recent.remember(`answer-${i}`, sent); }, 100), 0);
    });
  });

  describe("ConversationRefs", () => {
    const activity = (i: number, personal: boolean): Partial<Activity> => ({
      serviceUrl: "https://smba.trafficmanager.net/emea/",
      channelId: "msteams",
      conversation: { id: conv(i), conversationType: personal ? "personal" : "groupChat", isGroup: !personal, name: "" },
      from: { id: `29:user-${i}`, name: "", aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` },
      recipient: { id: "28:bot", name: "Policybot" },
    });

    it("100 000 conversations and users: each map within its bound; a forgotten user's 1:1 chat comes back from the state store", async () => {
      const stored = new Map<string, Record<string, unknown>>();
      const refs = new ConversationRefs({ savePersonal: async (oid, ref) => void stored.set(oid, ref), personal: async (oid) => stored.get(oid) });
      for (let i = 0; i < 100_000; i++) {
        await refs.remember(activity(i, true));
        const s = refs.sizes;
        assert.ok(s.conversations <= CONVERSATION_REFS_MAX && s.users <= CONVERSATION_REFS_MAX, JSON.stringify(s));
      }
      const first = activity(0, true).from!.aadObjectId!;
      assert.equal(refs.personal(first), undefined, "forgotten in memory");
      assert.equal((await refs.personalRef(first))?.conversation?.id, conv(0), "found in the state store");
      assert.equal(refs.personal(first)?.conversation?.id, conv(0), "and remembered again");
      assert.equal(refs.sizes.users, CONVERSATION_REFS_MAX);
      // full maps: a new activity drops the least recently used without walking either map
      const walks = await countWalks(async () => {
        for (let i = 100_000; i < 100_200; i++) await refs.remember(activity(i, true));
      }, 1000);
      assert.equal(walks, 0);
    });

    it("a report made in a conversation forgotten since gets its local notice skipped, not sent elsewhere", async () => {
      const refs = new ConversationRefs(undefined, 100);
      const sends: string[] = [];
      const notifier = new LocalNotifier(refs, async (ref) => void sends.push(ref.conversation!.id));
      for (let i = 0; i < 1000; i++) await refs.remember(activity(i, false));
      const notice = {} as Parameters<LocalNotifier["notifyIncident"]>[0];
      const origin = (id: string) => ({ conversationId: id, reporterObjectId: "x" }) as Parameters<LocalNotifier["notifyIncident"]>[1];
      const [old] = await notifier.notifyIncident(notice, origin(conv(0)));
      assert.deepEqual(old, { target: "security", status: "skipped", reason: "no-conversation" });
      assert.deepEqual(sends, []);
    });
  });
});
