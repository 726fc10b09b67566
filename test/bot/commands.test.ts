import * as assert from "node:assert/strict";
import { parseCommand, stripMentions } from "../../src/bot/commands";

describe("bot commands", () => {
  it("recognises help, policy list and policy switch; everything else is a question", () => {
    assert.deepEqual(parseCommand("hjälp"), { kind: "help", lang: "sv" });
    assert.deepEqual(parseCommand(" Help "), { kind: "help", lang: "en" });
    assert.deepEqual(parseCommand("policy"), { kind: "listPacks" });
    assert.deepEqual(parseCommand("policy Hjo"), { kind: "switchPack", packId: "hjo" });
    assert.deepEqual(parseCommand("policy för bilder, vad gäller?"), { kind: "question", text: "policy för bilder, vad gäller?" });
    assert.deepEqual(parseCommand("Får jag hjälp med Copilot?"), { kind: "question", text: "Får jag hjälp med Copilot?" });
    assert.deepEqual(parseCommand("   "), { kind: "empty" });
  });

  it("strips leftover mentions and HTML wrapping", () => {
    assert.equal(stripMentions("<at>Policybot</at> får jag?"), "får jag?");
    assert.equal(stripMentions("<p>hej&nbsp;<at>Anna</at> där</p>"), "hej där");
  });
});
