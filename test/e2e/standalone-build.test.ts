// The build runs on its own: only what is shipped (dist/ without its tests and benches,
// policies/, package.json, node_modules) is copied to an empty folder, the server is
// started there as production starts it (node dist/src/index.js) on the local defaults,
// and real HTTP messages get their replies at a local connector. Before the locales were
// compiled in, such an install said 200 on /healthz and answered no message.
import * as assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { message, post } from "../support/activities";
import { cardOf, visibleTexts } from "../support/cards";
import { ConnectorStub } from "../support/connector-stub";
import { freePort } from "../support/ports";

const SHIPPED_DIST_SKIPS = new Set(["test", "bench"]);

function copyBuildOutput(to: string): void {
  const root = projectRoot();
  fs.cpSync(path.join(root, "dist"), path.join(to, "dist"), {
    recursive: true,
    filter: (src) => !SHIPPED_DIST_SKIPS.has(path.relative(path.join(root, "dist"), src).split(path.sep)[0]),
  });
  fs.cpSync(path.join(root, "policies"), path.join(to, "policies"), { recursive: true });
  fs.copyFileSync(path.join(root, "package.json"), path.join(to, "package.json"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(to, "node_modules"), "dir");
}

async function waitForHealth(url: string, child: ChildProcess, out: () => string): Promise<void> {
  const deadline = Date.now() + 20000;
  for (;;) {
    assert.equal(child.exitCode, null, `the server exited:\n${out()}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    assert.ok(Date.now() < deadline, `no /healthz within 20 s:\n${out()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the build on its own (dist/ + policies/ + package.json, no src/ or infra/)", function () {
  this.timeout(60000);
  const connector = new ConnectorStub();
  let dir: string;
  let child: ChildProcess;
  let url: string;
  let serviceUrl: string;
  let out = "";

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-standalone-"));
    copyBuildOutput(dir);
    assert.deepEqual(fs.readdirSync(dir).sort(), ["dist", "node_modules", "package.json", "policies"]);
    serviceUrl = await connector.start();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // the local defaults (no app id, no auth) with nothing inherited from the checkout or the shell
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: dir, PORT: String(port), DATA_DIR: path.join(dir, "data"), LOG_LEVEL: "warn" };
    child = spawn(process.execPath, ["--no-deprecation", path.join("dist", "src", "index.js")], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (d) => (out += String(d)));
    child.stderr!.on("data", (d) => (out += String(d)));
    await waitForHealth(url, child, () => out);
  });

  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    await connector.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => connector.clear());

  it("/readyz says ready: packs, locales and stores loaded", async () => {
    const res = await fetch(`${url}/readyz`);
    const body = (await res.json()) as { status: string; checks: Record<string, string> };
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.status, "ready");
    assert.deepEqual(Object.values(body.checks), Object.keys(body.checks).map(() => "ok"));
  });

  it("answers a question with the policy's card, its chrome from the compiled-in locales", async () => {
    const res = await post(url, message("Får jag använda Copilot med personuppgifter?", { serviceUrl }));
    assert.equal(res.status, 200);
    const [reply] = await connector.waitFor(1, 15000);
    const texts = visibleTexts(cardOf(reply.activity));
    assert.ok(texts.includes("Var detta till hjälp?"), JSON.stringify(texts));
    assert.ok(texts.some((t) => t.startsWith("Källa: Söderköpings kommun")), JSON.stringify(texts));
  });

  it("answers the help command in English for an English Teams client", async () => {
    const res = await post(url, message("help", { serviceUrl, locale: "en-US" }));
    assert.equal(res.status, 200);
    const [reply] = await connector.waitFor(1, 15000);
    const texts = visibleTexts(cardOf(reply.activity));
    assert.ok(texts.includes("How to use Policybot"), JSON.stringify(texts));
    assert.ok(!texts.includes("Så här använder du Policybot"), "English, not Swedish");
  });
});
