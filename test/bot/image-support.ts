// For the image tests: a stand-in for the Teams Bot Connector that both records what the
// bot sends (like ConnectorStub) and serves pasted images at /v3/attachments/{id}/views/original,
// recording the Authorization header of each download; and Teams-shaped image activities.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { activityBase, BOT, type ActivityOpts } from "../support/activities";

export interface Sent {
  method: string;
  path: string;
  activity: Record<string, any>;
}

export interface ImageEntry {
  body?: Buffer;
  status?: number;
  /** answer 302 to this URL */
  redirect?: string;
}

export class TeamsServiceStub {
  readonly sent: Sent[] = [];
  /** attachment downloads: path and the Authorization header (undefined without bot auth) */
  readonly downloads: Array<{ path: string; authorization?: string }> = [];
  private readonly images = new Map<string, ImageEntry>();
  private server?: http.Server;
  private counter = 0;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  /** registers a pasted image; returns its contentUrl. Mutate the returned entry to change what is served. */
  attach(body: Buffer): { url: string; entry: ImageEntry } {
    const id = `0-weu-d1-${randomUUID().replace(/-/g, "")}`;
    const entry: ImageEntry = { body };
    this.images.set(`/v3/attachments/${id}/views/original`, entry);
    return { url: `${this.url}v3/attachments/${id}/views/original`, entry };
  }

  clear(): void {
    this.sent.length = 0;
    this.downloads.length = 0;
  }

  /** waits until n activities arrived, then a short quiet time so extra replies would show */
  async settle(n: number, ms = 8000): Promise<Sent[]> {
    const deadline = Date.now() + ms;
    while (this.sent.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 150));
    return this.sent.slice();
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = (req.url ?? "").split("?")[0];
      if (req.method === "GET" && url.startsWith("/v3/attachments/")) {
        this.downloads.push({ path: url, authorization: req.headers.authorization });
        const img = this.images.get(url);
        if (img?.redirect) {
          res.writeHead(302, { location: img.redirect });
          res.end();
          return;
        }
        if (!img || img.status) {
          res.writeHead(img?.status ?? 404);
          res.end();
          return;
        }
        res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(img.body?.length ?? 0) });
        res.end(img.body ?? Buffer.alloc(0));
        return;
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(url);
      if (!m || (req.method !== "POST" && req.method !== "PUT")) {
        res.writeHead(404);
        res.end();
        return;
      }
      this.sent.push({ method: req.method!, path: url, activity: chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {} });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `stub-${++this.counter}` }));
    });
  }
}

/** a pasted image as Teams sends it: image/* with the connector URL, plus the text/html twin */
export function pastedImage(contentUrl: string, o: ActivityOpts, text = "", mention = false) {
  const mentionText = `<at>${BOT.name}</at>`;
  return {
    ...activityBase(o),
    type: "message",
    text: mention ? `${mentionText} ${text}` : text,
    textFormat: "plain",
    attachments: [
      { contentType: "image/*", contentUrl },
      { contentType: "text/html", content: `<p><img itemtype="http://schema.skype.com/AMSImage" src="https://eu-api.asm.skype.com/v1/objects/0-weu-d1-x/views/imgo" alt="image"></p>` },
    ],
    ...(mention ? { entities: [{ type: "mention", text: mentionText, mentioned: { id: BOT.id, name: BOT.name } }] } : {}),
  };
}

/** a plain channel/group message that does not mention the bot (RSC delivers these) */
export function unmentioned(text: string, o: ActivityOpts) {
  return { ...activityBase({ conversationType: "channel", ...o }), type: "message", text, textFormat: "plain" };
}

/** a file posted in a channel: a SharePoint reference */
export function channelFileReference(name: string, o: ActivityOpts) {
  return {
    ...activityBase({ conversationType: "channel", ...o }),
    type: "message",
    text: "",
    attachments: [{ contentType: "reference", contentUrl: `https://contoso.sharepoint.com/sites/team/Shared%20Documents/${encodeURIComponent(name)}`, name }],
  };
}

export function invoke(verb: string, data: unknown, o: ActivityOpts) {
  return { ...activityBase(o), type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" } };
}

export function submitValue(value: unknown, o: ActivityOpts) {
  return { ...activityBase(o), type: "message", value };
}
