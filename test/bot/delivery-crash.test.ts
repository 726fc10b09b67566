// Proactive messages survive a kill -9 mid-send: the incident notice to the security
// channel and the approval card to the approver are written to the delivery outbox before
// they are sent, so the restarted bot sends them, once. The bot runs as a real process
// (dist/src/index.js); the Bot Connector is a local server that can hold a send unanswered,
// which is where the process is killed.
import * as assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { freePort } from "../support/ports";
import { executeInvoke, message, post } from "../support/activities";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { submitInvoke, validInputs } from "./incident-support";
import { PEOPLE, fields, personalConv, type Member } from "../e2e/approvals-support";

interface Sent {
  conversationId: string;
  body: Record<string, any>;
}

/** a Bot Connector whose sends to some conversations can be held (never answered) */
class HoldingConnector {
  readonly delivered: Sent[] = [];
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

async function until(what: string, cond: () => boolean, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

class BotProcess {
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
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await exited;
  }
}

/** a POST whose answer may never come (the process is killed while it is handled) */
function postAndForget(url: string, activity: unknown): void {
  void post(url, activity).catch(() => undefined);
}

describe("proactive messages across a kill -9 (delivery outbox)", function () {
  this.timeout(60000);
  const connector = new HoldingConnector();
  let serviceUrl: string;
  let dataDir: string;
  let bot: BotProcess;

  before(async () => (serviceUrl = await connector.start()));
  after(async () => connector.stop());
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-crash-"));
    connector.delivered.length = 0;
    connector.held.length = 0;
    connector.hold = () => false;
  });
  afterEach(async () => {
    await bot?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("an incident notice killed while it is sent is delivered exactly once after the restart", async () => {
    const SECURITY = "19:security-crash@thread.tacv2";
    const env = { DATA_DIR: dataDir, INCIDENT_NOTIFY_CONVERSATION: SECURITY, INCIDENT_NOTIFY_SERVICE_URL: serviceUrl };
    bot = new BotProcess(env);
    await bot.start();
    // the form, from the reporter's own chat
    assert.equal((await post(bot.url, message("rapportera incident", { serviceUrl }))).status, 200);
    await until("the form", () => connector.delivered.length === 1);
    const submit = actionsOf(cardOf(connector.delivered[0].body))[0];
    const conversationId = connector.delivered[0].conversationId;

    connector.hold = (id) => id === SECURITY;
    const res = await post(bot.url, submitInvoke(submit, validInputs(), { serviceUrl, conversationId }));
    assert.equal(res.status, 200, "the receipt does not wait for the notice");
    const texts = visibleTexts(res.body.value);
    const reference = texts[texts.indexOf("Referensnummer") + 1];
    assert.match(reference, /^INC-/);
    await until("the notice to reach the connector", () => connector.held.length === 1);
    await bot.kill();
    assert.equal(connector.to(SECURITY).length, 0, "not delivered before the kill");

    connector.hold = () => false;
    bot = new BotProcess(env);
    await bot.start();
    await until("the notice after the restart", () => connector.to(SECURITY).length >= 1);
    // three more retry intervals: nothing else comes
    await new Promise((r) => setTimeout(r, 3500));
    const notices = connector.to(SECURITY);
    assert.equal(notices.length, 1, bot.out);
    assert.ok(visibleTexts(cardOf(notices[0].body)).includes(`Ny AI-incident: ${reference}`));
    const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { deliveries: { pending: number; failed: number } };
    assert.deepEqual(health.deliveries, { pending: 0, failed: 0 });
  });

  it("an approval card killed while it is delivered reaches the approver exactly once after the restart; a re-submit is told the truth", async () => {
    const env = { DATA_DIR: dataDir };
    bot = new BotProcess(env);
    await bot.start();
    const say = (who: Member, text: string) => post(bot.url, { ...message(text, { serviceUrl, conversationId: personalConv(who) }), from: who });
    // the approver has written to the bot once, so it knows her 1:1 chat
    await say(PEOPLE.megan, "hjälp");
    await say(PEOPLE.requester, "policy wenell");
    await until("two replies", () => connector.delivered.length === 2);
    connector.delivered.length = 0;
    await say(PEOPLE.requester, "ansök om AI-verktyg");
    await until("the form", () => connector.delivered.length === 1);
    const form = actionsOf(cardOf(connector.delivered[0].body))[0];

    connector.hold = (id) => id === personalConv(PEOPLE.megan);
    const submitActivity = { ...executeInvoke(form.verb, { ...form.data, ...fields() }, { serviceUrl, conversationId: personalConv(PEOPLE.requester) }), from: PEOPLE.requester };
    postAndForget(bot.url, submitActivity);
    await until("the approval card to reach the connector", () => connector.held.length === 1);
    await bot.kill();
    assert.equal(connector.to(personalConv(PEOPLE.megan)).length, 0);

    connector.hold = () => false;
    bot = new BotProcess(env);
    await bot.start();
    await until("the approval card after the restart", () => connector.to(personalConv(PEOPLE.megan)).length >= 1);
    await new Promise((r) => setTimeout(r, 3500));
    const cards = connector.to(personalConv(PEOPLE.megan));
    assert.equal(cards.length, 1, bot.out);
    const card = cardOf(cards[0].body);
    assert.deepEqual(actionsOf(card).map((a) => a.title), ["Godkänn", "Avslå"]);

    // the requester sends the same form again: the same request, delivered, and it says so
    const again = await post(bot.url, submitActivity);
    assert.equal(again.status, 200);
    const texts = visibleTexts(again.body.value);
    assert.ok(texts.some((t) => t.startsWith("Ansökan har skickats till Megan Bowen")), JSON.stringify(texts));
    assert.ok(texts.includes("Formuläret var redan skickat; det här är samma ansökan."));
    assert.equal(connector.to(personalConv(PEOPLE.megan)).length, 1, "the re-submit sends nothing new");
  });
});
