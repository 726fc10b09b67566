// Shared by the approval end-to-end tests: the real app over HTTP, a Bot Connector stand-in
// that also creates conversations (POST /v3/conversations) and can fail like Teams
// (403 BotNotInConversationRoster, 404 ConversationNotFound), a small Graph for users,
// managers and app installation, and the people of infra/directory/sample-directory.json.
import * as assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { buildApp, type App } from "../../src/app";
import { loadConfig } from "../../src/config";
import type { Clock } from "../../src/incidents/clock";
import { captureLog, type CapturedLog } from "../support/log-capture";
import { testLibrary } from "../support/library";
import { executeInvoke, message, post, submit } from "../support/activities";
import { cardOf } from "../support/cards";
import { adaptiveCardValidator, assertValid } from "../support/schemas";

export interface Member {
  id: string;
  name: string;
  aadObjectId: string;
}
const member = (n: string, name: string, oid: string): Member => ({ id: `29:${n}`, name, aadObjectId: oid });
/** the sample directory's people (the Agents Playground's mock users and the test user) */
export const PEOPLE = {
  requester: member("test-user", "Test Användare", "00000000-0000-0000-0000-0000000000aa"),
  alex: member("alex", "Alex Wilber", "00000000-0000-0000-0000-0000000000020"),
  megan: member("megan", "Megan Bowen", "00000000-0000-0000-0000-0000000000021"),
  adele: member("adele", "Adele Vance", "00000000-0000-0000-0000-0000000000022"),
  isaiah: member("isaiah", "Isaiah Langer", "00000000-0000-0000-0000-0000000000023"),
  patti: member("patti", "Patti Fernandez", "00000000-0000-0000-0000-0000000000024"),
  lynne: member("lynne", "Lynne Robbins", "00000000-0000-0000-0000-0000000000025"),
};

export interface Recorded {
  kind: "send" | "update" | "create";
  conversationId: string;
  activityId?: string;
  body: Record<string, any>;
}

/** the Bot Connector: activities, updates and conversation creation, with failures on command */
export class Connector {
  readonly log: Recorded[] = [];
  /** conversation id -> the error the connector answers sends there with */
  readonly failing = new Map<string, { status: number; code: string }>();
  createFails?: { status: number; code: string };
  private server?: http.Server;
  private n = 0;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
        const send = (status: number, b: object) => (res.writeHead(status, { "content-type": "application/json" }), res.end(JSON.stringify(b)));
        const url = req.url ?? "";
        if (req.method === "POST" && /^\/v3\/conversations\/?$/.test(url)) {
          if (this.createFails) return send(this.createFails.status, { error: { code: this.createFails.code, message: "refused" } });
          const id = `a:created-${++this.n}`;
          this.log.push({ kind: "create", conversationId: id, body });
          return send(200, { id, activityId: undefined, serviceUrl: undefined });
        }
        const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(url);
        if (!m) return send(404, { error: { code: "NotFound", message: "?" } });
        const conversationId = decodeURIComponent(m[1]);
        const fail = this.failing.get(conversationId);
        if (fail) return send(fail.status, { error: { code: fail.code, message: "refused" } });
        if (req.method === "PUT" && m[2]) {
          this.log.push({ kind: "update", conversationId, activityId: decodeURIComponent(m[2]), body });
          return send(200, { id: decodeURIComponent(m[2]) });
        }
        const id = `act-${++this.n}`;
        this.log.push({ kind: "send", conversationId, activityId: id, body });
        return send(200, { id });
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  clear(): void {
    this.log.length = 0;
  }

  sends(conversationId?: string): Recorded[] {
    return this.log.filter((r) => r.kind === "send" && (!conversationId || r.conversationId === conversationId));
  }
  updates(conversationId?: string): Recorded[] {
    return this.log.filter((r) => r.kind === "update" && (!conversationId || r.conversationId === conversationId));
  }

  async waitFor(pred: (log: Recorded[]) => boolean, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!pred(this.log)) {
      if (Date.now() > end) throw new Error(`connector: condition not met; log: ${JSON.stringify(this.log.map((r) => [r.kind, r.conversationId]))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

export interface Bot {
  url: string;
  app: App;
  logs: CapturedLog;
  stop(): Promise<void>;
}

export async function startApp(env: Record<string, string>, clock?: Clock): Promise<Bot> {
  const config = { ...loadConfig({ LOG_LEVEL: "info", APPROVAL_REMINDER_INTERVAL_S: "3600", ...env }), port: 0 };
  const logs = captureLog("info");
  const app = buildApp(config, logs.log, { library: testLibrary(), clock });
  const addr = await app.listen();
  return { url: addr.url, app, logs, stop: () => app.close() };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "policybot-h14-"));
}

/** every card the tests see is checked against the Adaptive Cards 1.5 schema */
export function valid(card: Record<string, any>, what: string): Record<string, any> {
  assertValid(adaptiveCardValidator(), card, what);
  assert.equal(card.version, "1.5");
  return card;
}

export function personalConv(who: Member): string {
  return `a:personal-${who.id.slice(3)}`;
}

/** who writes where: a personal message, a card submit, an Execute invoke, from one person */
export class Teams {
  constructor(
    public bot: Bot,
    readonly connector: Connector,
    readonly serviceUrl: string,
  ) {}

  private as<T extends Record<string, any>>(a: T, who: Member, extra: Record<string, unknown> = {}): T {
    return { ...a, from: who, ...extra };
  }

  async say(who: Member, text: string, conversationId = personalConv(who), locale = "sv-SE"): Promise<void> {
    const res = await post(this.bot.url, this.as(message(text, { serviceUrl: this.serviceUrl, conversationId, locale }), who));
    assert.equal(res.status, 200);
  }

  /** the person has written to the bot once (so it knows their 1:1 chat) */
  async hello(who: Member): Promise<void> {
    await this.say(who, "hjälp");
    await this.connector.waitFor((l) => l.some((r) => r.conversationId === personalConv(who)));
  }

  /** "ansök om AI-verktyg" in the requester's chat; the form card and its Execute action */
  async openForm(who: Member, pack: string, o: { conversationId?: string; locale?: string; command?: string } = {}) {
    const conversationId = o.conversationId ?? personalConv(who);
    await this.say(who, `policy ${pack}`, conversationId);
    this.connector.clear();
    await this.say(who, o.command ?? "ansök om AI-verktyg", conversationId, o.locale);
    await this.connector.waitFor((l) => l.some((r) => r.kind === "send" && r.conversationId === conversationId));
    const sent = this.connector.sends(conversationId)[0];
    const card = valid(cardOf(sent.body), "request form");
    const action = card.actions[0];
    this.connector.clear();
    return { card, action, formId: sent.activityId!, conversationId };
  }

  async invoke(who: Member, verb: string, data: Record<string, unknown>, conversationId: string, replyToId?: string, conversationType: "personal" | "groupChat" = "personal") {
    const a = this.as(executeInvoke(verb, data, { serviceUrl: this.serviceUrl, conversationId, conversationType }), who, replyToId ? { replyToId } : {});
    const res = await post(this.bot.url, a);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }

  async submitMessage(who: Member, value: Record<string, unknown>, conversationId: string, replyToId?: string): Promise<void> {
    const res = await post(this.bot.url, this.as(submit(value, { serviceUrl: this.serviceUrl, conversationId, replyToId }), who));
    assert.equal(res.status, 200);
  }
}

/** the form filled in as a user would */
export function fields(over: Record<string, string> = {}): Record<string, string> {
  const until = new Date(Date.now() + 90 * 24 * 3600_000).toISOString().slice(0, 10);
  return { tool: "public-ai", purpose: "Sammanfatta offentliga protokoll inför nämndmöten.", infoKinds: "open", validUntil: until, ...over };
}

// ---- a small Graph: token, users and managers, app installation ----

export class TeamsGraph {
  readonly tenantId = "00000000-0000-4000-8000-00000000a11c";
  readonly clientId = "11111111-1111-4111-8111-111111111111";
  readonly secret = "fake-secret";
  readonly catalogId = "cccccccc-0000-4000-8000-000000000001";
  readonly requests: string[] = [];
  users = new Map<string, { name: string; manager?: string }>();
  installed = new Set<string>();
  /** user id -> status the install answers with */
  installFails = new Map<string, number>();
  chatIdFor = (oid: string) => `19:${oid}_bot@unq.gbl.spaces`;
  private server?: http.Server;
  url = "";

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const u = new URL(req.url ?? "/", "http://x");
        this.requests.push(`${req.method} ${u.pathname}`);
        const send = (status: number, body?: object) => (res.writeHead(status, { "content-type": "application/json" }), res.end(body ? JSON.stringify(body) : ""));
        const err = (status: number, code: string) => send(status, { error: { code, message: code } });
        if (u.pathname.endsWith("/oauth2/v2.0/token")) return send(200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: "fake.token" });
        if (req.headers.authorization !== "Bearer fake.token") return err(401, "InvalidAuthenticationToken");
        const p = u.pathname.replace(/^\/v1\.0/, "");
        if (p === "/appCatalogs/teamsApps") return send(200, { value: [{ id: this.catalogId, externalId: "x" }] });
        let m = /^\/users\/([^/]+)\/manager$/.exec(p);
        if (m) {
          const mgr = this.users.get(m[1])?.manager;
          return mgr ? send(200, this.user(mgr)) : err(404, "Request_ResourceNotFound");
        }
        m = /^\/users\/([^/]+)$/.exec(p);
        if (m) return this.users.has(m[1]) ? send(200, this.user(m[1])) : err(404, "Request_ResourceNotFound");
        m = /^\/users\/([^/]+)\/teamwork\/installedApps$/.exec(p);
        if (m && req.method === "POST") {
          const fail = this.installFails.get(m[1]);
          if (fail) return err(fail, fail === 403 ? "Forbidden" : "NotFound");
          if (this.installed.has(m[1])) return err(409, "Conflict");
          this.installed.add(m[1]);
          return send(201, { "@odata.type": "#microsoft.graph.userScopeTeamsAppInstallation", id: `inst-${m[1]}` });
        }
        if (m && req.method === "GET") return send(200, { value: this.installed.has(m[1]) ? [{ id: `inst-${m[1]}`, teamsApp: { id: this.catalogId } }] : [] });
        m = /^\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat$/.exec(p);
        if (m) return send(200, { id: this.chatIdFor(m[1]) });
        return err(400, "BadRequest");
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private user(id: string): object {
    return { "@odata.type": "#microsoft.graph.user", id, displayName: this.users.get(id)?.name ?? id, userPrincipalName: `${id.slice(0, 8)}@contoso.se` };
  }

  env(): Record<string, string> {
    return { GRAPH_TENANT_ID: this.tenantId, GRAPH_CLIENT_ID: this.clientId, GRAPH_CLIENT_SECRET: this.secret, GRAPH_AUTHORITY_HOST: this.url, GRAPH_BASE_URL: this.url, GRAPH_RETRY_BUDGET_MS: "0" };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

export const uuid = () => randomUUID();
