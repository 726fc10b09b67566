// A bot as a real process (dist/src/index.js) and a Bot Connector that can hold sends
// unanswered: for the tests that kill a process mid-turn or run several side by side.
import * as assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { freePort } from "./ports";
import { post } from "./activities";

export interface Sent {
  conversationId: string;
  body: Record<string, any>;
}

/** a Bot Connector whose sends to some conversations can be held (never answered) */
export class HoldingConnector {
  readonly delivered: Sent[] = [];
  /** card updates (PUT to an activity) */
  readonly updated: Sent[] = [];
  readonly held: Sent[] = [];
  hold: (conversationId: string) => boolean = () => false;
  private server?: http.Server;
  private n = 0;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? "");
        if (!m) return void (res.writeHead(404, { "content-type": "application/json" }), res.end('{"error":{"code":"NotFound"}}'));
        const sent: Sent = { conversationId: decodeURIComponent(m[1]), body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {} };
        // held: the request is in, the answer never comes (the sender is killed meanwhile)
        if (req.method === "POST" && this.hold(sent.conversationId)) return void this.held.push(sent);
        if (req.method === "POST") this.delivered.push(sent);
        if (req.method === "PUT") this.updated.push(sent);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: m[2] ? decodeURIComponent(m[2]) : `act-${++this.n}` }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  to(conversationId: string): Sent[] {
    return this.delivered.filter((s) => s.conversationId === conversationId);
  }
}

export async function until(what: string, cond: () => boolean, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export class BotProcess {
  child?: ChildProcess;
  url = "";
  out = "";
  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const port = await freePort();
    this.child = spawn(process.execPath, ["--no-deprecation", path.join(projectRoot(), "dist", "src", "index.js")], {
      cwd: projectRoot(),
      env: { ...process.env, PORT: String(port), MICROSOFT_APP_ID: "", LOG_LEVEL: "info", DELIVERY_LEASE_S: "1", DELIVERY_RETRY_INTERVAL_S: "1", ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout!.on("data", (d) => (this.out += String(d)));
    this.child.stderr!.on("data", (d) => (this.out += String(d)));
    this.url = `http://127.0.0.1:${port}`;
    const end = Date.now() + 15000;
    for (;;) {
      assert.equal(this.child.exitCode, null, `exited early:\n${this.out}`);
      if (await fetch(`${this.url}/healthz`).then((r) => r.ok, () => false)) return;
      assert.ok(Date.now() < end, `no /healthz:\n${this.out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async kill(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await exited;
  }
}

/** a POST whose answer may never come (the process is killed while it is handled) */
export function postAndForget(url: string, activity: unknown): void {
  void post(url, activity).catch(() => undefined);
}

