// A local stand-in for the Bot Framework connector (the activity's serviceUrl):
// records every activity the bot sends and answers like the real service.
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  path: string;
  conversationId: string;
  /** the activity the bot sent */
  activity: Record<string, any>;
  authorization?: string;
}

/** how the stub answers one request instead of 200: never, by dropping the connection, or with this status */
export type Behaviour = "hang" | "drop" | { status: number; headers?: Record<string, string>; body?: unknown };

export class ConnectorStub {
  readonly received: Recorded[] = [];
  /** every request (activities, members, ...), in order */
  readonly requests: Array<{ method: string; path: string }> = [];
  /** requests whose connection closed before the stub answered (the bot gave up and cancelled) */
  abandoned = 0;
  /** answers a request differently (n counts from 1); undefined: as the real service */
  behave?: (r: { method: string; path: string; n: number }) => Behaviour | undefined;
  private server?: http.Server;
  private waiters: Array<() => void> = [];
  private counter = 0;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this.url;
  }

  get url(): string {
    const a = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${a.port}/`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  clear(): void {
    this.received.length = 0;
    this.requests.length = 0;
    this.abandoned = 0;
    this.behave = undefined;
  }

  /** waits until at least n activities have arrived (or fails after ms) */
  async waitFor(n: number, ms = 5000): Promise<Recorded[]> {
    const deadline = Date.now() + ms;
    while (this.received.length < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`connector stub: expected ${n} activities, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received.slice();
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    res.on("close", () => {
      if (!res.writableFinished) this.abandoned++;
    });
    req.on("end", () => {
      this.requests.push({ method: req.method!, path: req.url! });
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? "");
      const b = this.behave?.({ method: req.method!, path: req.url!, n: this.requests.length });
      if (b !== undefined) {
        // the connector read the request (an activity counts as received) and then...
        if (m && (req.method === "POST" || req.method === "PUT")) {
          this.received.push({ method: req.method!, path: req.url!, conversationId: decodeURIComponent(m[1]), activity: chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {}, authorization: req.headers.authorization });
        }
        const w = this.waiters;
        this.waiters = [];
        w.forEach((f) => f());
        if (b === "hang") return;
        if (b === "drop") return void req.socket.destroy();
        res.writeHead(b.status, { "content-type": "application/json", ...b.headers });
        res.end(JSON.stringify(b.body ?? {}));
        return;
      }
      if (!m || (req.method !== "POST" && req.method !== "PUT")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "NotFound" } }));
        return;
      }
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
      this.received.push({
        method: req.method!,
        path: req.url!,
        conversationId: decodeURIComponent(m[1]),
        activity: body,
        authorization: req.headers.authorization,
      });
      const id = req.method === "PUT" && m[2] ? decodeURIComponent(m[2]) : `stub-${++this.counter}`;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id }));
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
  }
}
