// A local stand-in for Application Insights' ingestion endpoint (POST /v2.1/track), over
// HTTPS with a certificate made at start (the exporter always uses https): the process
// under test trusts it through NODE_EXTRA_CA_CERTS. Records every envelope it is sent.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";

export interface Envelope {
  name: string;
  iKey: string;
  data: { baseType: string; baseData: { metrics?: Array<{ name: string; value: number; count?: number }>; properties?: Record<string, string> } };
}

export class IngestionServer {
  readonly envelopes: Envelope[] = [];
  /** request bodies as received (decompressed) */
  readonly bodies: string[] = [];
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-ingest-"));
  private server?: https.Server;

  /** the CA file for NODE_EXTRA_CA_CERTS */
  get caFile(): string {
    return path.join(this.dir, "crt.pem");
  }

  async start(): Promise<string> {
    const key = path.join(this.dir, "key.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", this.caFile, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
    this.server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(this.caFile) }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        let body = Buffer.concat(chunks);
        if (req.headers["content-encoding"] === "gzip") body = zlib.gunzipSync(body);
        const text = body.toString("utf8");
        this.bodies.push(text);
        const items = JSON.parse(text) as Envelope[];
        this.envelopes.push(...items);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** metric name -> [properties, value] of each data point received */
  points(name: string): Array<{ properties: Record<string, string>; value: number }> {
    return this.envelopes
      .filter((e) => e.data.baseType === "MetricData")
      .flatMap((e) => (e.data.baseData.metrics ?? []).filter((m) => m.name === name).map((m) => ({ properties: e.data.baseData.properties ?? {}, value: m.value })));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
