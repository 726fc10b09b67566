// The build runs on its own: what `atk deploy` uploads (the project less .webappignore:
// dist/ without its tests, policies/, package.json …, no src/ or infra/) is copied to an
// empty folder with node_modules beside it, the server is started there as production
// starts it (node dist/src/index.js) on the local defaults, and real HTTP messages get
// their replies at a local connector. Before the locales and the sample directory were
// compiled in, such an install could not start, and its text came from src/.
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
import { shippedFiles } from "../support/webappignore";

function copyShipped(to: string): string[] {
  const root = projectRoot();
  const files = shippedFiles(root);
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
    fs.copyFileSync(path.join(root, f), path.join(to, f));
  }
  // App Service installs these itself (CUSTOM_BUILD_COMMAND); here the checkout's serve
  fs.symlinkSync(path.join(root, "node_modules"), path.join(to, "node_modules"), "dir");
  return files;
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

describe("the build on its own (what is deployed: dist/, policies/, package.json; no src/ or infra/)", function () {
  this.timeout(60000);
  const connector = new ConnectorStub();
  let dir: string;
  let child: ChildProcess;
  let url: string;
  let serviceUrl: string;
  let out = "";

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-standalone-"));
    const files = copyShipped(dir);
    for (const must of ["dist/src/index.js", "package.json", "policies/soderkoping/policy.md"]) assert.ok(files.includes(must), `${must} is deployed`);
    for (const f of files) assert.doesNotMatch(f, /^(src|infra|test|env|appPackage)\/|^dist\/test\/|^\.env$/, `${f} is not deployed`);
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

  it("serves the tab's pages and their bundled script and stylesheet (dist/tab)", async () => {
    const html = await (await fetch(`${url}/tab/checker?lang=sv`)).text();
    assert.match(html, /Granska utkast/);
    for (const asset of [/<script src="([^"]+)"/, /<link rel="stylesheet" href="([^"]+)"/]) {
      const res = await fetch(`${url}${asset.exec(html)![1]}`);
      assert.equal(res.status, 200);
      assert.ok((await res.arrayBuffer()).byteLength > 1000);
    }
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
