// Metrics to Application Insights from the real process: activities, turn latency, answer
// and review verdicts and outbox depths reach a local ingestion endpoint (no test leaves the
// machine); no content is in them; the connection string is never logged; without one
// nothing is exported.
import * as assert from "node:assert/strict";
import { message } from "../support/activities";
import { ConnectorStub } from "../support/connector-stub";
import { IngestionServer } from "../support/ingestion-server";
import { spawnServer, type ServerProcess } from "../support/server-process";

const IKEY = "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9";
const post = (url: string, activity: unknown) => fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });

const DRAFT = ["Hej Karin,", "Anna Andersson (19121212-1212) på Storgatan 4 har sökt bidraget igen.", "Ring henne på 070-123 45 67 innan fredag.", "Mvh Erik"].join("\n");

describe("metrics export to Application Insights (real process)", function () {
  this.timeout(60000);
  let connector: ConnectorStub;
  let ingestion: IngestionServer;
  let server: ServerProcess | undefined;

  beforeEach(async () => {
    connector = new ConnectorStub();
    await connector.start();
    ingestion = new IngestionServer();
  });
  afterEach(async () => {
    await server?.kill();
    server = undefined;
    await connector.stop();
    await ingestion.stop();
  });

  it("exports activities, turn latency, verdict counts and outbox depths, and no content", async () => {
    const endpoint = await ingestion.start();
    const connectionString = `InstrumentationKey=${IKEY};IngestionEndpoint=${endpoint}`;
    server = await spawnServer({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString, NODE_EXTRA_CA_CERTS: ingestion.caFile });
    for (const text of ["Får jag använda ChatGPT för att skriva ett mejl?", DRAFT, "hjälp"]) assert.equal((await post(server.url, message(text, { serviceUrl: connector.url }))).status, 200);
    server.child.kill("SIGTERM"); // the shutdown exports what is recorded
    assert.equal((await server.exited).code, 0, server.out());

    assert.ok(ingestion.envelopes.length > 0, "something was exported");
    assert.ok(ingestion.envelopes.every((e) => e.iKey === IKEY));
    const activities = ingestion.points("policybot.activities");
    assert.equal(activities.reduce((n, p) => n + p.value, 0), 3, JSON.stringify(activities));
    assert.deepEqual(activities.map((p) => p.properties.activity_type), activities.map(() => "message"));
    const turns = ingestion.points("policybot.turn.duration");
    assert.ok(turns.length > 0, "turn latency");
    const answers = ingestion.points("policybot.answers");
    assert.equal(answers.reduce((n, p) => n + p.value, 0), 1);
    assert.match(answers[0].properties.verdict_kind, /^(yes|no|conditional|none|refused)$/);
    const reviews = ingestion.points("policybot.reviews");
    assert.deepEqual(reviews.map((p) => [p.properties.verdict, p.value]), [["block", 1]]);
    const depths = ingestion.points("policybot.outbox.depth");
    assert.deepEqual(depths.map((p) => `${p.properties.outbox}/${p.properties.state}=${p.value}`).sort(), ["deliveries/failed=0", "deliveries/pending=0", "incidents/pending=0"]);

    // no content: neither the draft's values nor the question travel
    const sent = ingestion.bodies.join("\n");
    for (const needle of ["19121212", "Andersson", "070-123", "ChatGPT", "hjälp"]) assert.ok(!sent.includes(needle), `export holds ${needle}`);
    // the connection string (its key) is in no log line
    assert.ok(!server.out().includes(IKEY), "the instrumentation key was logged");
    assert.ok(!server.out().includes(endpoint), "the ingestion endpoint was logged");
    assert.match(server.out(), /"metrics":"applicationInsights"/);
  });

  it("exports nothing without a connection string", async () => {
    await ingestion.start();
    server = await spawnServer({ NODE_EXTRA_CA_CERTS: ingestion.caFile });
    assert.equal((await post(server.url, message("Får jag använda ChatGPT?", { serviceUrl: connector.url }))).status, 200);
    server.child.kill("SIGTERM");
    assert.equal((await server.exited).code, 0, server.out());
    assert.equal(ingestion.bodies.length, 0);
    assert.match(server.out(), /"metrics":"off"/);
  });
});
