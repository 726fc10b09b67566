// A Bot Connector stand-in whose answers to replies can be held back: a turn stays in flight
// (its reply sent, the connector not yet answered) for as long as a test needs.
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export class HeldConnector {
  /** activity ids the bot replied to, in order of arrival */
  readonly replies: string[] = [];
  /** while set, replies wait until release() */
  holding = false;
  private held: Array<() => void> = [];
  private arrivals: Array<() => void> = [];
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const m = /^\/v3\/conversations\/[^/]+\/activities\/([^/?]+)/.exec(req.url ?? "");
        if (m && req.method === "POST") this.replies.push(decodeURIComponent(m[1]));
        const a = this.arrivals;
        this.arrivals = [];
        a.forEach((f) => f());
        const answer = () => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end('{"id":"reply"}');
        };
        if (this.holding) this.held.push(answer);
        else answer();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** resolves once a reply to this activity has arrived */
  async arrived(id: string, ms = 10000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.replies.includes(id)) {
      if (Date.now() > deadline) throw new Error(`no reply to ${id} within ${ms} ms`);
      await new Promise<void>((r) => {
        this.arrivals.push(r);
        setTimeout(r, 50);
      });
    }
  }

  /** answers every held reply, and the ones after */
  release(): void {
    this.holding = false;
    const h = this.held;
    this.held = [];
    h.forEach((f) => f());
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }
}
