// The production entry (dist/src/index.js) as a real child process on a free port, with its
// output kept: for tests of what only a process shows (signals, exit codes, its own log).
import * as assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { freePort } from "./ports";

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** stdout and stderr so far */
  out(): string;
  /** the JSON log lines so far */
  lines(): Array<Record<string, any>>;
  /** the exit code (null after a signal) and when it came (Date.now()) */
  exited: Promise<{ code: number | null; at: number }>;
  /** SIGKILL if still running, and the data folder removed */
  kill(): Promise<void>;
}

export async function spawnServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-proc-"));
  const child = spawn(process.execPath, ["--no-deprecation", path.join(projectRoot(), "dist", "src", "index.js")], {
    cwd: projectRoot(),
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", DATA_DIR: dataDir, MICROSOFT_APP_ID: "", NODE_ENV: "", WEBSITE_SITE_NAME: "", APPLICATIONINSIGHTS_CONNECTION_STRING: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  const exited = new Promise<{ code: number | null; at: number }>((r) => child.once("exit", (code) => r({ code, at: Date.now() })));
  const url = `http://127.0.0.1:${port}`;
  const p: ServerProcess = {
    child,
    url,
    out: () => out,
    lines: () =>
      out
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, any>),
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 20000;
  for (;;) {
    if (child.exitCode !== null) {
      await p.kill();
      assert.fail(`exited early:\n${out}`);
    }
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await p.kill();
      assert.fail(`not ready within 20 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return p;
}
