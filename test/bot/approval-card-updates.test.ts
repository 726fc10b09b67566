// The cards of a decided request, updated where they were posted: each in the language its
// reader chose in that chat (else the chat's locale) and in the zone Teams sent with the
// reader's own turn; a card the connector refuses is reported with its code.
import * as assert from "node:assert/strict";
import type { ApprovalRequest } from "../../src/approvals/model";
import { ApprovalCardUpdates } from "../../src/bot/approvals/card-updates";
import type { AdaptiveCard } from "../../src/bot/cards/adaptive-card";
import { createLogger } from "../../src/logging";
import { ConversationStore, type CardRef } from "../../src/state/conversations";
import { SqliteStateStore } from "../../src/state/sqlite-state";
import { openDatabase } from "../../src/storage/sqlite";
import { visibleTexts } from "../support/cards";
import { approvalRequest } from "../support/approval-request";
import { testLibrary } from "../support/library";
import { adaptiveCardValidator, assertValid } from "../support/schemas";

const lib = testLibrary();
const request: ApprovalRequest = approvalRequest({
  requester: { objectId: "u-1", name: "Alex Wilber" },
  status: "approved",
  decision: { outcome: "approved", by: { objectId: "m-1", name: "Megan Bowen" }, as: "nearest-manager", at: "2026-03-03T10:00:00.000Z" },
  revision: 2,
});

const ref = (conversationId: string, userId: string, locale: string) => ({ conversation: { id: conversationId, conversationType: "personal" }, user: { id: userId }, locale, serviceUrl: "https://smba.example/" });

describe("approval cards updated after a decision (src/bot/approvals/card-updates.ts)", () => {
  it("each card in its reader's language and zone; a refused update comes back with its code", async () => {
    const db = openDatabase(":memory:");
    const conversations = new ConversationStore(new SqliteStateStore(db));
    try {
      // Alex's Teams is in English but he wrote Swedish in his chat; Megan's is in English and she chose nothing
      await conversations.updateSettings("a:alex", () => ({ langs: { "29:alex": "sv" } }));
      await conversations.saveCard(request.id, "requester", { conversation: ref("a:alex", "29:alex", "en-US"), activityId: "r-1", timeZone: "America/New_York" });
      await conversations.saveCard(request.id, "approver", { conversation: ref("a:megan", "29:megan", "en-US"), activityId: "m-1" });
      await conversations.saveCard(request.id, "admin", { conversation: ref("a:patti", "29:patti", "sv-SE"), activityId: "p-1" });
      const sent = new Map<string, AdaptiveCard>();
      const reach = {
        update: async (at: CardRef, card: AdaptiveCard) => {
          if (at.activityId === "p-1") return { ok: false as const, code: "ConversationNotFound" };
          sent.set(at.activityId, card);
          return { ok: true as const };
        },
      };
      const updates = new ApprovalCardUpdates({ conversations, reach, organisation: (id) => lib.get(id).facts.organisation.name, log: createLogger({ level: "silent", pretty: false }) });
      const results = await updates.update(request);
      assert.deepEqual(results, [
        { card: "approver", ok: true, code: undefined },
        { card: "requester", ok: true, code: undefined },
        { card: "admin", ok: false, code: "ConversationNotFound" },
      ]);
      const alex = visibleTexts(sent.get("r-1")!);
      assertValid(adaptiveCardValidator(), sent.get("r-1")!, "requester's card");
      assert.ok(alex.includes("Beslut: Godkänd"), JSON.stringify(alex));
      assert.ok(alex.some((t) => t.includes("kl. 05:00") && t.includes("3 mars 2026")), `in New York time: ${JSON.stringify(alex)}`);
      const megan = visibleTexts(sent.get("m-1")!);
      assert.ok(megan.some((t) => t.startsWith("Decision: Approved")), JSON.stringify(megan));
      assert.ok(megan.some((t) => t.includes("11:00")), `in the default zone (Stockholm): ${JSON.stringify(megan)}`);
      // only the card the caller replaces itself is skipped
      sent.clear();
      await updates.update(request, "r-1");
      assert.deepEqual([...sent.keys()], ["m-1"]);
    } finally {
      db.close();
    }
  });
});
