// src/index.ts as a real process: starts from config, serves /healthz, exits cleanly on SIGTERM/SIGINT.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { freePort } from "../support/ports";

function entry(): string[] {
  // compiled tests run dist/src/index.js; under tsx the TypeScript source
  return __filename.endsWith(".ts") ? ["-r", "tsx/cjs", path.join(projectRoot(), "src", "index.ts")] : [path.join(projectRoot(), "dist", "src", "index.js")];
}

async function runUntilSignal(signal: NodeJS.Signals, env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--no-deprecation", ...entry()], {
    cwd: projectRoot(),
    env: { ...process.env, PORT: String(port), LOG_LEVEL: "info", MICROSOFT_APP_ID: "", NODE_ENV: "", WEBSITE_SITE_NAME: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += String(d)));
  child.stderr.on("data", (d) => (out += String(d)));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  try {
    const deadline = Date.now() + 15000;
    let health: any;
    while (!health) {
      assert.ok(Date.now() < deadline, `no /healthz within 15 s:\n${out}`);
      assert.equal(child.exitCode, null, `exited early:\n${out}`);
      health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json(), () => undefined);
      if (!health) await new Promise((r) => setTimeout(r, 200));
    }
    child.kill(signal);
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r("timeout"), 8000))]);
    return { code, out, health };
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
}

describe("bot process (src/index.ts)", function () {
  this.timeout(40000);

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`listens on localhost without an app id and exits 0 on ${signal}`, async () => {
      const r = await runUntilSignal(signal, {});
      assert.equal(r.health.status, "ok");
      assert.equal(r.health.auth, false);
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, /"event":"listening","url":"http:\/\/127\.0\.0\.1:/);
      assert.match(r.out, /"event":"shutdown"/);
    });
  }

  const hosts: Array<[string, Record<string, string>]> = [
    ["NODE_ENV=production", { NODE_ENV: "production", WEBSITE_SITE_NAME: "" }],
    ["App Service", { NODE_ENV: "", WEBSITE_SITE_NAME: "policybot-prod" }],
  ];
  for (const [what, env] of hosts) {
    it(`refuses the unauthenticated demo on a production host (${what}): exits 1 with why, never listens`, async () => {
      const port = await freePort();
      const child = spawn(process.execPath, ["--no-deprecation", ...entry()], {
        cwd: projectRoot(),
        env: { ...process.env, PORT: String(port), MICROSOFT_APP_ID: "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (d) => (out += String(d)));
      child.stderr.on("data", (d) => (out += String(d)));
      const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
      assert.equal(code, 1, out);
      assert.match(out, /refusing to start: this is a production host .* MICROSOFT_APP_ID is empty/);
      assert.doesNotMatch(out, /"event":"listening"/);
    });
  }

  it("on a production host with an app id, starts (token validation on)", async () => {
    const r = await runUntilSignal("SIGTERM", { NODE_ENV: "production", MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555", MICROSOFT_APP_TENANT_ID: "22222222-3333-4444-5555-666666666666", MICROSOFT_APP_PASSWORD: "not-a-real-secret", HOST: "127.0.0.1" });
    assert.equal(r.health.auth, true);
    assert.equal(r.code, 0, r.out);
  });

  it("refuses to start with an unknown POLICY_PACK, naming the packs it has", async () => {
    const child = spawn(process.execPath, ["--no-deprecation", ...entry()], {
      cwd: projectRoot(),
      env: { ...process.env, PORT: String(await freePort()), POLICY_PACK: "nosuchpack" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => (err += String(d)));
    const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
    assert.equal(code, 1);
    assert.match(err, /POLICY_PACK "nosuchpack".*soderkoping/);
  });
});
