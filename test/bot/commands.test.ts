import * as assert from "node:assert/strict";
import { parseCommand, stripMentions, textWithoutBotMention } from "../../src/bot/commands";

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

describe("textWithoutBotMention", () => {
  const recipient = { id: "28:bot", name: "Policybot" };
  const mention = { type: "mention", mentioned: recipient, text: "<at>Policybot</at>" };

  it("cuts the bot's mention out of the text", () => {
    assert.equal(textWithoutBotMention({ type: "message", text: "<at>Policybot</at> hjälp", recipient, entities: [mention] } as never).trim(), "hjälp");
  });

  it("a mention without text is no text, not a TypeError (botbuilder edits activity.text)", () => {
    assert.equal(textWithoutBotMention({ type: "message", recipient, entities: [mention] } as never), "");
  });
});

describe("greetings", () => {
  it("a greeting on its own gets the help (welcome), in its language; a question that starts with one does not", () => {
    for (const g of ["hej", "Hej!", "hejsan", "god morgon", "Hallå där", "tjena"]) assert.deepEqual(parseCommand(g), { kind: "help", lang: "sv", greeting: true }, g);
    for (const g of ["hi", "Hello!", "good morning", "hey there"]) assert.deepEqual(parseCommand(g), { kind: "help", lang: "en", greeting: true }, g);
    assert.equal(parseCommand("hej, får jag använda ChatGPT?").kind, "question");
  });
});
