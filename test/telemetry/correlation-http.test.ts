// Every log line of a turn carries the turn's correlation id (over real HTTP to the real app):
// the activity's id, or the caller's x-ms-correlation-id header when it sends one; turns
// handled at once keep theirs apart; the connector's failures logged inside the turn carry it.
import * as assert from "node:assert/strict";
import { message, post } from "../support/activities";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";

describe("correlation ids in the log (real HTTP)", function () {
  this.timeout(30000);
  let connector: ConnectorStub;
  let bot: RunningBot;

  before(async () => {
    connector = new ConnectorStub();
    await connector.start();
    bot = await startBot({ LOG_LEVEL: "info", BOT_CONNECTOR_MAX_RETRIES: "0" });
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });
  afterEach(() => connector.clear());

  const linesOf = (id: string) => bot.logs.entries().filter((e) => e.correlationId === id);

  it("each of several turns at once: its activity id on each of its lines, and only there", async () => {
    const acts = ["Får jag använda ChatGPT?", "hjälp", "Vem godkänner nya AI-verktyg?", "policy"].map((t) => message(t, { serviceUrl: connector.url }));
    const res = await Promise.all(acts.map((a) => post(bot.url, a)));
    assert.deepEqual(res.map((r) => r.status), [200, 200, 200, 200]);
    for (const a of acts) {
      const mine = linesOf(a.id);
      assert.ok(mine.some((l) => l.event === "activity" && l.status === 200), `the activity line of ${a.id}`);
    }
    const questions = [acts[0], acts[2]].map((a) => linesOf(a.id).filter((l) => l.event === "answer").length);
    assert.deepEqual(questions, [1, 1], "each answer line is in its own turn");
    assert.deepEqual([acts[1], acts[3]].map((a) => linesOf(a.id).filter((l) => l.event === "answer").length), [0, 0], "commands have no answer line");
  });

  it("the caller's x-ms-correlation-id names the turn, and the connector's failure is logged under it", async () => {
    connector.behave = () => ({ status: 500, body: { error: { code: "ServiceError" } } });
    const a = message("Får jag använda Copilot?", { serviceUrl: connector.url });
    await post(bot.url, a, { "x-ms-correlation-id": "gw-7f3a-0001" });
    const mine = linesOf("gw-7f3a-0001");
    assert.ok(mine.some((l) => l.event === "replyUndelivered"), JSON.stringify(mine));
    assert.ok(mine.some((l) => l.event === "activity"));
    assert.equal(linesOf(a.id).length, 0, "the header wins over the activity id");
  });

  it("a header that is not an id is not logged: the activity id is used", async () => {
    const a = message("hjälp", { serviceUrl: connector.url });
    await post(bot.url, a, { "x-ms-correlation-id": "Anna Andersson <anna@example.se>" });
    assert.ok(linesOf(a.id).some((l) => l.event === "activity"));
    assert.ok(!bot.logs.text().includes("anna@example.se"));
  });

  it("lines outside a turn carry no correlation id", () => {
    const startup = bot.logs.entries().filter((l) => l.event === "incidentsReady");
    assert.ok(startup.length > 0, "the start-up line is there");
    for (const l of startup) assert.equal(l.correlationId, undefined);
  });
});
