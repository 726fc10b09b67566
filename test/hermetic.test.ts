// The suite's network guard (test/support/network-guard.ts) refuses what leaves the machine,
// here and in the processes tests start, and lets loopback through.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { NetworkRefused, takeRefusals } from "./support/network-guard";

describe("hermetic test run (network guard)", () => {
  afterEach(() => takeRefusals());

  it("refuses fetch, http and a raw socket to a host outside the machine, before any DNS query", async () => {
    await assert.rejects(fetch("https://login.botframework.com/v1/.well-known/openidconfiguration"), (e: Error) => (e.cause as Error)?.name === "NetworkRefused");
    await assert.rejects(
      new Promise((resolve, reject) => http.get("http://192.0.2.10:8080/", resolve).on("error", reject)),
      (e: Error) => e instanceof NetworkRefused && e.target === "192.0.2.10:8080",
    );
    assert.deepEqual(takeRefusals().sort(), ["192.0.2.10:8080", "login.botframework.com:443"]);
  });

  it("lets loopback through", async () => {
    const server = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      assert.equal(await (await fetch(`http://127.0.0.1:${port}/`)).text(), "ok");
      assert.equal(await (await fetch(`http://localhost:${port}/`)).text(), "ok");
      assert.deepEqual(takeRefusals(), []);
    } finally {
      server.close();
    }
  });

  it("is inherited by a Node process a test starts, which reports into the same record", () => {
    const r = spawnSync(process.execPath, ["-e", `fetch("https://graph.microsoft.com/v1.0/").then(() => process.exit(0), (e) => { console.log(e.cause && e.cause.name); process.exit(3); })`], { encoding: "utf8", env: { ...process.env } });
    assert.equal(r.status, 3, r.stderr);
    assert.equal(r.stdout.trim(), "NetworkRefused");
    assert.deepEqual(takeRefusals(), ["graph.microsoft.com:443"]);
  });
});

describe("quiet test run (quiet guard)", () => {
  it("notes console output of code under test, naming the test", () => {
    const { takeNoise } = require("./support/quiet-guard") as typeof import("./support/quiet-guard");
    takeNoise();
    const original = process.stderr.write;
    // keep this test's own sample off the screen
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      console.error(new Error("sample"));
    } finally {
      process.stderr.write = original;
    }
    const noted = takeNoise();
    assert.deepEqual([...noted.values()], [["console.error: Error: sample"]]);
    assert.match([...noted.keys()][0], /notes console output of code under test/);
  });
});
