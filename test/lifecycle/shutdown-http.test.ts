// Graceful shutdown of the real process (dist/src/index.js) over real HTTP: on SIGTERM a turn
// in flight is answered, a new activity is refused with 503 and Retry-After, /readyz says not
// ready, and the process exits 0 within SHUTDOWN_TIMEOUT_S, also when a turn never finishes.
import * as assert from "node:assert/strict";
import { message } from "../support/activities";
import { HeldConnector } from "../support/held-connector";
import { spawnServer, type ServerProcess } from "../support/server-process";

const post = (url: string, activity: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(activity) });

async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("graceful shutdown (real process, real HTTP)", function () {
  this.timeout(60000);
  let connector: HeldConnector;
  let server: ServerProcess | undefined;
  let serviceUrl: string;

  beforeEach(async () => {
    connector = new HeldConnector();
    serviceUrl = await connector.start();
  });
  afterEach(async () => {
    await server?.kill();
    server = undefined;
    await connector.stop();
  });

  it("answers the turn in flight, refuses a new one, and exits 0 within the deadline", async () => {
    server = await spawnServer({ SHUTDOWN_TIMEOUT_S: "10" });
    const a = message("Får jag använda ChatGPT för att skriva ett mejl?", { serviceUrl });
    connector.holding = true;
    const answerA = post(server.url, a);
    await connector.arrived(a.id); // A's reply is at the connector: the turn is in flight

    const signalled = Date.now();
    server.child.kill("SIGTERM");
    const ready = await until("/readyz 503", async () => {
      const r = await fetch(`${server!.url}/readyz`);
      return r.status === 503 ? ((await r.json()) as { checks: Record<string, string> }) : undefined;
    });
    assert.equal(ready.checks.accepting, "stopping");

    const b = message("Vem godkänner nya AI-verktyg?", { serviceUrl });
    const refused = await post(server.url, b);
    assert.equal(refused.status, 503);
    assert.ok(Number(refused.headers.get("retry-after")) > 0, "Retry-After");
    assert.deepEqual(await refused.json(), { error: "shuttingDown" });

    connector.release();
    assert.equal((await answerA).status, 200);
    const exit = await server.exited;
    assert.equal(exit.code, 0, server.out());
    assert.ok(exit.at - signalled < 10000, `exited ${exit.at - signalled} ms after SIGTERM`);

    assert.deepEqual(connector.replies.filter((id) => id === a.id).length, 1, "A answered once");
    assert.ok(!connector.replies.includes(b.id), "B never ran");
    const lines = server.lines();
    const done = lines.find((l) => l.event === "shutdown" && l.step === "done");
    assert.ok(done, server.out());
    assert.equal(done.turnsFinished, true);
    assert.equal(done.outboxesDrained, true);
    // A's lines carry A's id; the refusal carries its own
    assert.ok(lines.some((l) => l.event === "activity" && l.correlationId === a.id && l.status === 200));
    assert.ok(lines.some((l) => l.event === "refused" && l.reason === "shuttingDown" && typeof l.correlationId === "string"));
  });

  it("exits 0 at the deadline when a turn never finishes", async () => {
    server = await spawnServer({ SHUTDOWN_TIMEOUT_S: "2" });
    const a = message("Får jag använda Copilot?", { serviceUrl });
    connector.holding = true; // never released: the connector hangs
    const answerA = post(server.url, a).catch(() => undefined);
    await connector.arrived(a.id);
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    const exit = await server.exited;
    await answerA;
    assert.equal(exit.code, 0, server.out());
    assert.ok(exit.at - signalled < 2000 + 1000, `exited ${exit.at - signalled} ms after SIGTERM`);
    const done = server.lines().find((l) => l.event === "shutdown" && l.step === "done");
    assert.equal(done?.turnsFinished, false, server.out());
  });
});
