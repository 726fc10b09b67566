// Logs carry ids, types, timings and status: never message text, card content or names.
import * as assert from "node:assert/strict";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";
import { USER, executeInvoke, mentionMessage, message, post, submit } from "../support/activities";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";

describe("bot logs keep message text out", () => {
  let bot: RunningBot;
  const connector = new ConnectorStub();
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot({ LOG_LEVEL: "trace" });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });

  it("a distinctive question, its answer card and the user's name never reach the log", async () => {
    const secret = "Zebrakvartett19 personnummer 19121212-1212";
    const question = `Får jag klistra in ${secret} med personuppgifter i ChatGPT?`;
    await post(bot.url, message(question, { serviceUrl }));
    await post(bot.url, mentionMessage(`${secret} hjälp med Copilot?`, { serviceUrl }));
    await post(bot.url, message(`policy ${"zebrakvartett"}`, { serviceUrl }));
    // an unrecognised submit gets no reply, but must not log its content either
    await post(bot.url, submit({ verb: "unknown", note: secret }, { serviceUrl }));
    const sent = await connector.waitFor(3);
    const card = cardOf(sent[0].activity);
    const yes = actionsOf(card)[0];
    await post(bot.url, executeInvoke(yes.verb, yes.data, { serviceUrl }));

    const log = bot.logs.text();
    assert.ok(log.length > 0, "something was logged");
    assert.ok(bot.logs.entries().some((e) => e.event === "answer"), "the answer was logged (as ids)");
    for (const needle of ["Zebrakvartett", "zebrakvartett", "19121212", "klistra", USER.name]) {
      assert.ok(!log.includes(needle), `log contains "${needle}"`);
    }
    // nor the card the bot sent: no quote of the answer appears in the log
    for (const t of visibleTexts(card).filter((x) => x.length > 25)) assert.ok(!log.includes(t), `log contains card text "${t}"`);
  });
});
