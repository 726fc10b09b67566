// gracefulShutdown's order and deadlines: admission closes first, the outbox pass runs once
// the turns are done, a step that hangs is cut at the deadline and the stores still close.
import * as assert from "node:assert/strict";
import { Admission } from "../../src/lifecycle/admission";
import { gracefulShutdown } from "../../src/lifecycle/shutdown";
import { captureLog } from "../support/log-capture";

describe("gracefulShutdown", () => {
  it("closes admission, waits for the turn, drains, exports, closes: in that order", async () => {
    const admission = new Admission();
    const steps: string[] = [];
    assert.ok(admission.enter());
    setTimeout(() => {
      steps.push("turn done");
      admission.leave();
    }, 50);
    const r = await gracefulShutdown(
      {
        admission,
        drainOutboxes: async () => void steps.push(`drain (in flight ${admission.active}, open ${admission.open})`),
        flushMetrics: async () => void steps.push("metrics"),
        close: async () => void steps.push("close"),
        log: captureLog().log,
      },
      5000,
    );
    assert.deepEqual(steps, ["turn done", "drain (in flight 0, open false)", "metrics", "close"]);
    assert.equal(admission.enter(), false, "no new activity after shutdown began");
    assert.deepEqual({ turns: r.turnsFinished, outboxes: r.outboxesDrained }, { turns: true, outboxes: true });
  });

  it("a turn and an outbox pass that never end are cut at the deadline; the stores still close", async () => {
    const admission = new Admission();
    admission.enter(); // never leaves
    let closed = false;
    const started = Date.now();
    const r = await gracefulShutdown({ admission, drainOutboxes: () => new Promise(() => {}), close: async () => void (closed = true), log: captureLog().log }, 1500);
    assert.equal(closed, true);
    assert.deepEqual({ turns: r.turnsFinished, outboxes: r.outboxesDrained }, { turns: false, outboxes: false });
    assert.ok(Date.now() - started < 1500 + 200, `took ${Date.now() - started} ms`);
  });
});
