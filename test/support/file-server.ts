// A local HTTP server standing in for SharePoint/OneDrive download URLs: serves the bytes
// registered for a path, with a status, a delay or a redirect, and records each request.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";

export interface Served {
  body?: Buffer;
  status?: number;
  delayMs?: number;
  /** Location header (with status 302) */
  redirect?: string;
  /** omit Content-Length (chunked), so the size limit must be enforced while reading */
  chunked?: boolean;
}

export class FileServer {
  private server?: http.Server;
  private readonly files = new Map<string, Served>();
  readonly requests: string[] = [];

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      this.requests.push(req.url ?? "");
      const f = this.files.get((req.url ?? "").split("?")[0]);
      const send = () => {
        if (!f) {
          // not chained: restify (loaded by the bot tests) patches writeHead to return nothing
          res.writeHead(404);
          res.end();
          return;
        }
        if (f.redirect) {
          res.writeHead(f.status ?? 302, { location: f.redirect });
          res.end();
          return;
        }
        const body = f.body ?? Buffer.alloc(0);
        res.writeHead(f.status ?? 200, { "content-type": "application/octet-stream", ...(f.chunked ? {} : { "content-length": String(body.length) }) });
        if (f.chunked) {
          for (let i = 0; i < body.length; i += 64 * 1024) res.write(body.subarray(i, i + 64 * 1024));
          res.end();
        } else res.end(body);
      };
      if (f?.delayMs) setTimeout(send, f.delayMs);
      else send();
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** registers bytes under a fresh path (with a fake token query, like SharePoint's tempauth) and returns its URL */
  serve(name: string, served: Served): string {
    const path = `/files/${randomUUID()}/${encodeURIComponent(name)}`;
    this.files.set(path, served);
    return `${this.url}${path}?tempauth=${randomUUID()}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }
}
