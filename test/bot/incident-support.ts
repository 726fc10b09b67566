// Shared by the incident tests: a bot with its own data directory, the form opened
// over HTTP, and valid inputs for it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SqliteIncidentStore } from "../../src/storage/incident-store.sqlite";
import { openDatabase } from "../../src/storage/sqlite";
import type { StoredIncident } from "../../src/incidents";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";
import { USER, executeInvoke, message, post, submit as submitActivity, taskInvoke, type ActivityOpts } from "../support/activities";
import { actionsOf, cardOf } from "../support/cards";
import { adaptiveCardValidator, assertValid } from "../support/schemas";

export const OTHER_USER = { id: "29:user-2", name: "Annan Användare", aadObjectId: "00000000-0000-0000-0000-0000000000bb" };

export interface IncidentRig {
  bot: RunningBot;
  connector: ConnectorStub;
  serviceUrl: string;
  dataDir: string;
  /** every incident in the local SQLite store (read through a second connection) */
  stored(): Promise<StoredIncident[]>;
  stop(): Promise<void>;
}

/** env may depend on the connector stub's URL (a notify service URL pointing at it) */
export async function incidentRig(env: Record<string, string> | ((serviceUrl: string) => Record<string, string>) = {}): Promise<IncidentRig> {
  const connector = new ConnectorStub();
  const serviceUrl = await connector.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-h11-"));
  const bot = await startBot({ DATA_DIR: dataDir, ...(typeof env === "function" ? env(serviceUrl) : env) });
  return {
    bot,
    connector,
    serviceUrl,
    dataDir,
    async stored() {
      const db = openDatabase(path.join(dataDir, "incidents.sqlite"));
      try {
        return await new SqliteIncidentStore(db).list({ limit: 1000 });
      } finally {
        db.close();
      }
    },
    async stop() {
      await bot.stop();
      await connector.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** card inputs a user would send: the form's fields, all valid */
export function validInputs(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    description: "Jag klistrade in en kundlista med namn och telefonnummer i ChatGPT för att sortera den.",
    occurredDate: "2026-11-20",
    occurredTime: "09:30",
    tool: "ChatGPT",
    infoKinds: "personal,customer",
    peopleAffected: 40,
    actionsTaken: "Raderade chatten och berättade för min chef.",
    ...over,
  };
}

/** sends the command and returns the short card it gets: its button opens the form in a dialog */
export async function startReport(rig: IncidentRig, o: Partial<ActivityOpts> & { command?: string } = {}) {
  rig.connector.clear();
  const res = await post(rig.bot.url, message(o.command ?? "rapportera incident", { serviceUrl: rig.serviceUrl, ...o }));
  assert.equal(res.status, 200);
  const [reply] = await rig.connector.waitFor(1);
  const card = cardOf(reply.activity);
  assertValid(adaptiveCardValidator(), card, "incident start card");
  const button = actionsOf(card)[0];
  assert.equal(button.type, "Action.Submit");
  assert.deepEqual(button.data.msteams, { type: "task/fetch" });
  rig.connector.clear();
  return { card, button, conversationId: reply.conversationId as string };
}

/**
 * sends the command and presses its button as a client without dialogs does (the Submit's
 * data as a message): returns the form in the chat and its token
 */
export async function openForm(rig: IncidentRig, o: Partial<ActivityOpts> & { command?: string } = {}) {
  const { button, conversationId } = await startReport(rig, o);
  const res = await post(rig.bot.url, submitActivity(button.data, { serviceUrl: rig.serviceUrl, ...o, conversationId }));
  assert.equal(res.status, 200);
  const [reply] = await rig.connector.waitFor(1);
  const card = cardOf(reply.activity);
  assertValid(adaptiveCardValidator(), card, "incident form");
  const submit = actionsOf(card)[0];
  assert.equal(submit.type, "Action.Execute");
  rig.connector.clear();
  return { card, submit, token: submit.data.token as string, conversationId: reply.conversationId };
}

/** presses the start card's "Här i chatten" (Action.Execute): the form in the chat, from the invoke's answer; its submit action */
export async function chatForm(url: string, start: Record<string, any>, o: ActivityOpts & { from?: typeof USER }, headers: Record<string, string> = {}): Promise<Record<string, any>> {
  const open = actionsOf(start).find((x: any) => x.type === "Action.Execute");
  assert.ok(open, "the start card has a button for the form in the chat");
  const a: Record<string, any> = executeInvoke(open.verb, open.data, o);
  if (o.from) a.from = o.from;
  const res = await post(url, a, headers);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const submit = actionsOf(res.body.value)[0];
  assert.equal(submit?.verb, "incidentSubmit", JSON.stringify(res.body).slice(0, 500));
  return submit;
}

/** presses the start card's button in Teams (task/fetch): the dialog's form, from the invoke's answer */
export async function openDialog(url: string, button: Record<string, any>, o: ActivityOpts & { from?: typeof USER }) {
  const a: Record<string, any> = taskInvoke("task/fetch", button.data, o);
  if (o.from) a.from = o.from;
  const res = await post(url, a);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.task.type, "continue", JSON.stringify(res.body));
  const card = res.body.task.value.card.content;
  assertValid(adaptiveCardValidator(), card, "incident dialog form");
  const submit = actionsOf(card)[0];
  assert.equal(submit.type, "Action.Submit", "a dialog takes no Universal Actions");
  return { card, submit, task: res.body.task.value };
}

/** the dialog's form submitted (task/submit): the button's data merged with the inputs */
export function dialogSubmit(submit: Record<string, any>, inputs: Record<string, unknown>, o: ActivityOpts & { from?: typeof USER; localTimezone?: string }) {
  const a: Record<string, any> = taskInvoke("task/submit", { ...submit.data, ...inputs }, o);
  if (o.from) a.from = o.from;
  if (o.localTimezone) a.localTimezone = o.localTimezone;
  return a;
}

/** the Action.Execute invoke Teams sends: the button's data merged with the inputs */
export function submitInvoke(submit: Record<string, any>, inputs: Record<string, unknown>, o: ActivityOpts & { from?: typeof USER; localTimezone?: string }) {
  const a: Record<string, any> = executeInvoke(submit.verb, { ...submit.data, ...inputs }, o);
  if (o.from) a.from = o.from;
  if (o.localTimezone) a.localTimezone = o.localTimezone;
  return a;
}

/** every Input element of a card, by id */
export function inputsOf(card: unknown): Map<string, Record<string, any>> {
  const out = new Map<string, Record<string, any>>();
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    if (typeof n.type === "string" && n.type.startsWith("Input.")) out.set(n.id, n);
    for (const k of ["body", "items", "columns"]) if (n[k]) walk(n[k]);
  };
  walk(card);
  return out;
}

/** the red error lines of a re-drawn form, in order */
export function errorLines(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    if (n.type === "TextBlock" && n.color === "attention") out.push(n.text);
    for (const k of ["body", "items", "columns"]) if (n[k]) walk(n[k]);
  };
  walk(card);
  return out;
}
