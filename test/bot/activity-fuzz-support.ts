// The activity fuzz (activity-fuzz.test.ts): real Teams activities, invokes and card submits
// as bases; mutations of their fields (shape), of the card data the handlers read (value)
// and of the HTTP request around them (headers, encodings, raw bytes); a raw HTTP sender;
// and the oracle saying what status each mutated request may get.
//
// Every mutation is a small printable record, so a failing case shrinks to, and prints as,
// the request shape that failed (never a 300 KB string: `huge` carries a size).
import * as http from "node:http";
import * as zlib from "node:zlib";
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { BOT, USER, activityBase, botAdded, executeInvoke, installationAdd, mentionMessage, message, submit, taskInvoke, type ActivityOpts } from "../support/activities";
import { fetchTaskInvoke, messagePayload, submitActionInvoke } from "../support/review-activities";
import { HANDLED_INVOKES } from "../../src/bot/activity-shape";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = Record<string, any>;

/** /api/messages refuses a body over this size (src/server.ts MAX_BODY_BYTES) */
export const MAX_BODY_BYTES = 256 * 1024;
/** nor one nested deeper (src/server.ts MAX_BODY_DEPTH) */
export const MAX_BODY_DEPTH = 64;

// ---------------------------------------------------------------- mutations

export type Mut =
  | { op: "drop"; path: string }
  | { op: "set"; path: string; to: Json }
  /** a string of `size` characters (ASCII and Swedish letters) */
  | { op: "huge"; path: string; size: number }
  /** nested arrays (or objects) `depth` levels deep */
  | { op: "deep"; path: string; depth: number; objects: boolean };

function segs(path: string): string[] {
  return path.split(".");
}

function key(s: string): string | number {
  return /^\d+$/.test(s) ? Number(s) : s;
}

function containerOf(root: Obj, path: string): { parent: any; k: string | number } | undefined {
  const p = segs(path);
  let cur: any = root;
  for (const s of p.slice(0, -1)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = cur[key(s)];
  }
  if (cur === null || typeof cur !== "object") return undefined;
  return { parent: cur, k: key(p[p.length - 1]) };
}

export function getAt(root: Obj, path: string): unknown {
  let cur: any = root;
  for (const s of segs(path)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = cur[key(s)];
  }
  return cur;
}

export function hasPath(root: Obj, path: string): boolean {
  const c = containerOf(root, path);
  return !!c && Object.prototype.hasOwnProperty.call(c.parent, c.k);
}

/** `size` characters, each one code point and one UTF-16 unit (zod counts code points, JavaScript units) */
export function hugeString(size: number): string {
  const unit = "Personnummer 19121212-1212 på Åsa Öberg, ärende 42 § ";
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function deepValue(depth: number, objects: boolean): Json {
  let v: Json = objects ? {} : [];
  for (let i = 1; i < depth; i++) v = objects ? { d: v } : [v];
  return v;
}

/** applies one mutation in place; false when its parent is not there (an earlier mutation removed it) */
export function apply(root: Obj, m: Mut): boolean {
  const c = containerOf(root, m.path);
  if (!c) return false;
  switch (m.op) {
    case "drop":
      if (Array.isArray(c.parent) && typeof c.k === "number") c.parent.splice(c.k, 1);
      else delete c.parent[c.k];
      return true;
    case "set":
      c.parent[c.k] = structuredClone(m.to);
      return true;
    case "huge":
      c.parent[c.k] = hugeString(m.size);
      return true;
    case "deep":
      c.parent[c.k] = deepValue(m.depth, m.objects);
      return true;
  }
}

export function showMut(m: Mut): string {
  switch (m.op) {
    case "drop":
      return `drop ${m.path}`;
    case "set": {
      const s = JSON.stringify(m.to) ?? "undefined";
      return `${m.path}=${s.length > 60 ? `${s.slice(0, 60)}…(${s.length} chars)` : s}`;
    }
    case "huge":
      return `${m.path}=<${m.size}-char string>`;
    case "deep":
      return `${m.path}=<${m.objects ? "objects" : "arrays"} ${m.depth} deep>`;
  }
}

// ---------------------------------------------------------------- the shape rules (what src/bot/activity-shape.ts must refuse)

type Kind = "string" | "number" | "boolean" | "null" | "object" | "array";
const KINDS: Kind[] = ["string", "number", "boolean", "null", "object", "array"];
const SAMPLE: Record<Kind, Json> = { string: "x", number: 7, boolean: true, null: null, object: { k: 1 }, array: [1] };

interface Rule {
  /** dotted; `*` stands for every index of an array */
  path: string;
  allowed: Kind[];
  required?: boolean;
  /** most characters (code points) */
  max?: number;
  /** the rule holds only for these activities (`at`: the concrete path) */
  when?: (a: Obj, at: string) => boolean;
}

const isInvoke = (name?: string) => (a: Obj) => a.type === "invoke" && (name === undefined || a.name === name);
const isExtension = (a: Obj) => a.type === "invoke" && (a.name === "composeExtension/fetchTask" || a.name === "composeExtension/submitAction");
const isTask = (a: Obj) => a.type === "invoke" && (a.name === "task/fetch" || a.name === "task/submit");
const isMention = (a: Obj, at: string) => {
  const e = a.entities?.[Number(at.split(".")[1])];
  return typeof e?.type === "string" && e.type.toLowerCase() === "mention";
};
const msteamsUpdate = (a: Obj) => (a.type === "messageUpdate" || a.type === "messageDelete") && a.channelId === "msteams";
const ID_MAX = 1024;
const STR: Kind[] = ["string"];
const STR_NULL: Kind[] = ["string", "null"];
const OBJ: Kind[] = ["object"];
const OBJ_NULL: Kind[] = ["object", "null"];

function accountRules(p: string): Rule[] {
  return [
    { path: `${p}.id`, allowed: STR, required: true, max: ID_MAX },
    { path: `${p}.name`, allowed: STR_NULL, max: 1024 },
    { path: `${p}.aadObjectId`, allowed: STR_NULL, max: ID_MAX },
    { path: `${p}.role`, allowed: STR_NULL, max: 64 },
  ];
}

/** the activity contract, written out apart from the validator: each field's JSON kinds */
export const RULES: Rule[] = [
  { path: "type", allowed: STR, required: true, max: 128 },
  { path: "serviceUrl", allowed: STR, required: true, max: 2048 },
  { path: "from", allowed: OBJ, required: true },
  ...accountRules("from"),
  { path: "recipient", allowed: OBJ, required: true },
  ...accountRules("recipient"),
  { path: "conversation", allowed: OBJ, required: true },
  { path: "conversation.id", allowed: STR, required: true, max: ID_MAX },
  { path: "conversation.name", allowed: STR_NULL, max: 1024 },
  { path: "conversation.conversationType", allowed: STR_NULL, max: 64 },
  { path: "conversation.isGroup", allowed: ["boolean", "null"] },
  { path: "conversation.tenantId", allowed: STR_NULL, max: ID_MAX },
  { path: "conversation.aadObjectId", allowed: STR_NULL, max: ID_MAX },
  { path: "conversation.role", allowed: STR_NULL, max: 64 },
  { path: "id", allowed: STR_NULL, max: ID_MAX },
  { path: "channelId", allowed: STR_NULL, max: 128 },
  { path: "timestamp", allowed: STR_NULL, max: 64 },
  { path: "localTimestamp", allowed: STR_NULL, max: 64 },
  { path: "locale", allowed: STR_NULL, max: 64 },
  { path: "localTimezone", allowed: STR_NULL, max: 128 },
  { path: "replyToId", allowed: STR_NULL, max: ID_MAX },
  { path: "text", allowed: STR },
  { path: "name", allowed: STR_NULL, max: 256, when: (a) => a.type !== "invoke" },
  { path: "name", allowed: STR, required: true, max: 256, when: isInvoke() },
  { path: "action", allowed: STR_NULL, max: 128 },
  { path: "channelData", allowed: OBJ_NULL, when: (a) => !msteamsUpdate(a) },
  { path: "channelData", allowed: OBJ, required: true, when: msteamsUpdate },
  { path: "channelData.eventType", allowed: STR_NULL, max: 128 },
  { path: "channelData.tenant", allowed: OBJ_NULL },
  { path: "channelData.team", allowed: OBJ_NULL },
  { path: "channelData.channel", allowed: OBJ_NULL },
  ...["entities", "attachments", "membersAdded", "membersRemoved", "reactionsAdded", "reactionsRemoved"].flatMap((p): Rule[] => [
    { path: p, allowed: ["array"] },
    { path: `${p}.*`, allowed: OBJ },
  ]),
  { path: "entities.*.type", allowed: STR, required: true, max: 256 },
  { path: "entities.*.mentioned", allowed: OBJ, required: true, when: isMention },
  { path: "entities.*.mentioned.id", allowed: STR_NULL, max: ID_MAX, when: isMention },
  { path: "entities.*.text", allowed: STR_NULL, max: 4096, when: isMention },
  { path: "attachments.*.contentType", allowed: STR, max: 256 },
  { path: "attachments.*.contentUrl", allowed: STR_NULL },
  { path: "attachments.*.name", allowed: STR_NULL, max: 1024 },
  ...accountRules("membersAdded.*"),
  ...accountRules("membersRemoved.*"),
  { path: "reactionsAdded.*.type", allowed: STR_NULL, max: 256 },
  { path: "reactionsRemoved.*.type", allowed: STR_NULL, max: 256 },
  // card data: a submit's value is an object; the invokes the bot handles have an object value
  { path: "value", allowed: OBJ_NULL, when: (a) => a.type === "message" },
  { path: "value", allowed: OBJ, required: true, when: (a) => a.type === "invoke" && HANDLED_INVOKES.has(a.name) },
  { path: "value.action", allowed: OBJ, required: true, when: isInvoke("adaptiveCard/action") },
  { path: "value.action.type", allowed: STR, required: true, max: 128, when: isInvoke("adaptiveCard/action") },
  { path: "value.action.verb", allowed: STR_NULL, max: 256, when: isInvoke("adaptiveCard/action") },
  { path: "value.action.id", allowed: STR_NULL, max: ID_MAX, when: isInvoke("adaptiveCard/action") },
  { path: "value.trigger", allowed: STR_NULL, max: 64, when: isInvoke("adaptiveCard/action") },
  { path: "value.authentication", allowed: OBJ_NULL, when: isInvoke("adaptiveCard/action") },
  { path: "value.commandId", allowed: STR_NULL, max: 256, when: isExtension },
  { path: "value.commandContext", allowed: STR_NULL, max: 64, when: isExtension },
  { path: "value.botMessagePreviewAction", allowed: STR_NULL, max: 64, when: isExtension },
  { path: "value.messagePayload", allowed: OBJ_NULL, when: isExtension },
  { path: "value.context", allowed: OBJ_NULL, when: isExtension },
  { path: "value.context", allowed: OBJ_NULL, when: isTask },
];

function kindOf(v: unknown): Kind {
  return v === null ? "null" : Array.isArray(v) ? "array" : (typeof v as Kind);
}

/** a rule's path for this activity: `*` expanded over the array there */
function concrete(a: Obj, pattern: string): string[] {
  let paths = [""];
  for (const seg of pattern.split(".")) {
    const next: string[] = [];
    for (const p of paths) {
      if (seg !== "*") next.push(p ? `${p}.${seg}` : seg);
      else {
        const arr = getAt(a, p);
        if (Array.isArray(arr)) arr.forEach((_, i) => next.push(`${p}.${i}`));
      }
    }
    paths = next;
  }
  return paths;
}

function httpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** the fields of this activity that break the contract ("entities.0.type"); none: well-formed */
export function violations(a: Obj): string[] {
  const out: string[] = [];
  for (const r of RULES) {
    for (const p of concrete(a, r.path)) {
      if (r.when && !r.when(a, p)) continue;
      // a rule inside something absent, or not an object, is not reached
      const parentPath = p.split(".").slice(0, -1).join(".");
      const parent = parentPath ? getAt(a, parentPath) : a;
      if (parent === null || typeof parent !== "object") continue;
      const v = getAt(a, p);
      if (v === undefined) {
        if (r.required) out.push(p);
      } else if (!r.allowed.includes(kindOf(v))) out.push(p);
      else if (typeof v === "string" && r.max !== undefined && [...v].length > r.max) out.push(p);
    }
  }
  if (typeof a.type === "string" && a.type === "") out.push("type");
  if (typeof a.serviceUrl === "string" && !httpUrl(a.serviceUrl)) out.push("serviceUrl");
  if (a.type === "invoke" && a.name === "") out.push("name");
  return [...new Set(out)];
}

/** mutations the validator must refuse (400 "bad activity: …"), for the fields this activity has */
export function shapeMutations(a: Obj): Mut[] {
  const out: Mut[] = [];
  for (const r of RULES) {
    for (const p of concrete(a, r.path)) {
      if (!hasPath(a, p) || (r.when && !r.when(a, p))) continue;
      if (r.required) out.push({ op: "drop", path: p });
      for (const k of KINDS) if (!r.allowed.includes(k)) out.push({ op: "set", path: p, to: SAMPLE[k] });
      if (r.max !== undefined) out.push({ op: "huge", path: p, size: r.max + 1 });
    }
  }
  for (const bad of ["", "not a url", "ftp://example.com/", "javascript:alert(1)", "http://", "//smba.trafficmanager.net/emea/"]) out.push({ op: "set", path: "serviceUrl", to: bad });
  out.push({ op: "set", path: "type", to: "" });
  if (a.type === "invoke") out.push({ op: "set", path: "name", to: "" });
  return out;
}

/** fields no rule requires: dropping them leaves a well-formed activity */
function optionalPaths(a: Obj): string[] {
  const required = new Set(RULES.flatMap((r) => (r.required ? concrete(a, r.path).filter((p) => !r.when || r.when(a, p)) : [])));
  const out: string[] = [];
  const walk = (v: unknown, prefix: string, depth: number) => {
    if (depth > 2 || v === null || typeof v !== "object" || Array.isArray(v)) return;
    for (const k of Object.keys(v)) {
      const p = prefix ? `${prefix}.${k}` : k;
      if (!required.has(p) && !p.startsWith("value")) out.push(p);
      walk((v as Obj)[k], p, depth + 1);
    }
  };
  walk(a, "", 0);
  return out;
}

// ---------------------------------------------------------------- bases: what Teams sends

export interface Tokens {
  /** data of the incident form's submit action (token, lang) */
  incident: Obj;
  /** data of the approval form's submit action (token, lang) */
  approval: Obj;
}

export interface Base {
  name: string;
  /** a well-formed request of this base stores an incident or an approval */
  creates?: boolean;
  build(): Obj;
  /** mutations of the card data the handlers parse (for `creates` bases: each one makes it fail) */
  value: Mut[];
}

/** yesterday, as Input.Date submits it (a report about the future is refused) */
function yesterday(): string {
  return new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
}

export function incidentInputs(): Obj {
  return {
    description: "Jag klistrade in en kundlista med namn och telefonnummer i ChatGPT för att sortera den.",
    occurredDate: yesterday(),
    occurredTime: "09:30",
    tool: "ChatGPT",
    infoKinds: "personal,customer",
    peopleAffected: 40,
    actionsTaken: "Raderade chatten och berättade för min chef.",
  };
}

export function approvalInputs(): Obj {
  const until = new Date(Date.now() + 90 * 24 * 3600_000).toISOString().slice(0, 10);
  return { tool: "public-ai", purpose: "Sammanfatta offentliga protokoll inför nämndmöten.", infoKinds: "open", validUntil: until };
}

const OTHER_OID = "00000000-0000-0000-0000-0000000000ff";
const VERBS = ["feedback", "restoreValues", "incidentOpen", "incidentSubmit", "approvalSubmit", "approvalDecide", "approvalRefresh", "imageLabelCopy"];

/** what makes a form submit fail: its data at `at` (token, verb, required fields) and who sends it */
function formBreakers(at: string, verbPath: string, verb: string, token: string, required: string[]): Mut[] {
  const out: Mut[] = [
    { op: "drop", path: verbPath },
    ...VERBS.filter((v) => v !== verb).map((v): Mut => ({ op: "set", path: verbPath, to: v })),
    { op: "set", path: verbPath, to: 7 },
    { op: "set", path: verbPath, to: { verb } },
    { op: "drop", path: `${at}.token` },
    { op: "set", path: `${at}.token`, to: `${token}x` },
    { op: "set", path: `${at}.token`, to: token.slice(1) },
    { op: "set", path: `${at}.token`, to: token.replace(/^./, (c) => (c === "A" ? "B" : "A")) },
    { op: "set", path: `${at}.token`, to: "a.b" },
    { op: "set", path: `${at}.token`, to: 7 },
    { op: "set", path: `${at}.token`, to: null },
    { op: "set", path: `${at}.token`, to: [token] },
    { op: "huge", path: `${at}.token`, size: 5000 },
    // the same card sent by someone else
    { op: "set", path: "from.aadObjectId", to: OTHER_OID },
  ];
  for (const f of required) {
    out.push({ op: "drop", path: `${at}.${f}` }, { op: "set", path: `${at}.${f}`, to: {} }, { op: "set", path: `${at}.${f}`, to: [] }, { op: "set", path: `${at}.${f}`, to: null }, { op: "set", path: `${at}.${f}`, to: "" });
  }
  return out;
}

export function bases(serviceUrl: string, conversationId: string, tokens: Tokens): Base[] {
  const o: ActivityOpts = { serviceUrl, conversationId };
  const inline = `${serviceUrl}v3/attachments/fuzz-1/views/original`;
  const mapping = { "[NAMN 1]": "Åsa Öberg", "[PNR 1]": "19121212-1212" };
  const restoreData = { mapping, lang: "sv", surface: "chat", copilotAnswer: "Hej [NAMN 1], ditt nummer [PNR 1]." };
  const incidentMsg = () => ({ ...submit({ verb: "incidentSubmit", ...tokens.incident, ...incidentInputs() }, o), replyToId: "stub-form-1" });
  const approvalMsg = () => ({ ...submit({ verb: "approvalSubmit", ...tokens.approval, ...approvalInputs() }, o), replyToId: "stub-form-2" });
  const incidentInvoke = () => executeInvoke("incidentSubmit", { ...tokens.incident, ...incidentInputs() }, o);
  const approvalInvoke = () => executeInvoke("approvalSubmit", { ...tokens.approval, ...approvalInputs() }, o);
  // another invoke name on this value (adaptiveCard/action bases), or no verb
  const otherInvokes = (verbPath: string): Mut[] => [
    ...[...HANDLED_INVOKES].filter((n) => n !== "adaptiveCard/action").map((n): Mut => ({ op: "set", path: "name", to: n })),
    { op: "set", path: "name", to: "task/fetch" },
    { op: "set", path: "name", to: "fileConsent/invoke" },
    { op: "set", path: "name", to: "application/search" },
    { op: "set", path: "value.action.type", to: "Action.Submit" },
    { op: "set", path: "value.action.type", to: "" },
    { op: "set", path: verbPath, to: null },
  ];
  const incidentRequired = ["description", "tool", "occurredDate", "infoKinds"];
  const approvalRequired = ["tool", "purpose", "infoKinds", "validUntil"];

  return [
    { name: "question", build: () => message("Får jag använda ChatGPT för att sammanfatta ett protokoll?", o), value: [] },
    { name: "help", build: () => message("hjälp", o), value: [] },
    { name: "channelMention", build: () => mentionMessage("Får jag använda Copilot?", { ...o, conversationId: `19:fuzz-channel@thread.tacv2;messageid=1` }), value: [] },
    { name: "incidentCommand", build: () => message("rapportera incident", o), value: [] },
    {
      name: "imageMessage",
      build: () => ({ ...message("", o), attachments: [{ contentType: "image/png", contentUrl: inline, name: "bild.png" }, { contentType: "text/html", content: "<div><img src='x'></div>" }] }),
      value: [
        { op: "set", path: "attachments.0.contentUrl", to: "file:///etc/passwd" },
        { op: "set", path: "attachments.0.contentUrl", to: "http://169.254.169.254/latest/meta-data/" },
        { op: "huge", path: "attachments.0.contentUrl", size: 20_000 },
        { op: "set", path: "attachments.0.contentUrl", to: 7 },
        { op: "set", path: "attachments.1.content", to: { nested: [1, 2, 3] } },
      ],
    },
    {
      name: "fileMessage",
      build: () => ({ ...message("", o), attachments: [{ contentType: "reference", contentUrl: "https://contoso.sharepoint.com/sites/t/protokoll.docx", name: "protokoll.docx" }] }),
      value: [
        { op: "set", path: "attachments.0.contentType", to: "application/vnd.microsoft.teams.file.download.info" },
        { op: "set", path: "attachments.0.content", to: { downloadUrl: 7, fileType: "docx" } },
        { op: "set", path: "attachments.0.content", to: { downloadUrl: "ftp://x/y", fileType: ["docx"] } },
        { op: "huge", path: "attachments.0.name", size: 300 },
      ],
    },
    {
      name: "feedbackSubmit",
      build: () => ({ ...submit({ verb: "feedback", answerId: "a1b2c3", helpful: true }, o), replyToId: "stub-card-1" }),
      value: [
        { op: "set", path: "value.helpful", to: "yes" },
        { op: "set", path: "value.answerId", to: 7 },
        { op: "huge", path: "value.answerId", size: 100 },
        { op: "set", path: "value.answerId", to: "../../etc" },
        { op: "drop", path: "value.verb" },
      ],
    },
    {
      name: "restoreSubmit",
      build: () => ({ ...submit({ verb: "restoreValues", ...restoreData }, o), replyToId: "stub-card-2" }),
      value: [
        { op: "set", path: "value.mapping", to: "x" },
        { op: "set", path: "value.mapping", to: { "[NAMN 1]": 7 } },
        { op: "set", path: "value.mapping", to: { "not a placeholder": "x" } },
        { op: "huge", path: "value.copilotAnswer", size: 100_001 },
        { op: "set", path: "value.copilotAnswer", to: ["x"] },
        { op: "set", path: "value.surface", to: "dialog" },
        { op: "set", path: "value.lang", to: "fi" },
      ],
    },
    { name: "incidentOpenSubmit", build: () => submit({ verb: "incidentOpen", lang: "sv" }, o), value: [{ op: "set", path: "value.lang", to: 7 }] },
    { name: "incidentSubmitMessage", creates: true, build: incidentMsg, value: formBreakers("value", "value.verb", "incidentSubmit", tokens.incident.token, incidentRequired) },
    { name: "approvalSubmitMessage", creates: true, build: approvalMsg, value: formBreakers("value", "value.verb", "approvalSubmit", tokens.approval.token, approvalRequired) },
    {
      name: "approvalDecideSubmit",
      build: () => submit({ verb: "approvalDecide", requestId: randomUUID(), decision: "approve", token: "x.y", comment: "ok" }, o),
      value: [
        { op: "set", path: "value.decision", to: "reject" },
        { op: "set", path: "value.requestId", to: { $ne: null } },
        { op: "huge", path: "value.comment", size: 5000 },
        { op: "set", path: "value.token", to: 7 },
      ],
    },
    { name: "feedbackInvoke", build: () => executeInvoke("feedback", { answerId: "a1b2c3", helpful: false }, o), value: [{ op: "set", path: "value.action.data", to: "x" }, { op: "set", path: "value.action.data.helpful", to: 1 }, ...otherInvokes("value.action.verb")] },
    {
      name: "restoreInvoke",
      build: () => executeInvoke("restoreValues", restoreData, o),
      value: [{ op: "set", path: "value.action.data.mapping", to: [] }, { op: "huge", path: "value.action.data.copilotAnswer", size: 150_000 }, ...otherInvokes("value.action.verb")],
    },
    {
      name: "incidentDialogFetch",
      build: () => taskInvoke("task/fetch", { msteams: { type: "task/fetch" }, verb: "incidentOpen", lang: "sv" }, o),
      value: [{ op: "set", path: "value.data", to: "x" }, { op: "drop", path: "value.data" }, { op: "set", path: "value.data.verb", to: "incidentSubmit" }, { op: "set", path: "value.context", to: 7 }, { op: "set", path: "value", to: [] }],
    },
    {
      name: "incidentDialogSubmit",
      creates: true,
      build: () => taskInvoke("task/submit", { verb: "incidentSubmit", ...tokens.incident, ...incidentInputs() }, o),
      value: [...formBreakers("value.data", "value.data.verb", "incidentSubmit", tokens.incident.token, incidentRequired), { op: "set", path: "value.data", to: null }, { op: "set", path: "name", to: "task/fetch" }],
    },
    { name: "incidentOpenInvoke", build: () => executeInvoke("incidentOpen", { lang: "en" }, o), value: [{ op: "drop", path: "value.action.data" }, ...otherInvokes("value.action.verb")] },
    {
      name: "incidentSubmitInvoke",
      creates: true,
      build: incidentInvoke,
      value: [
        ...formBreakers("value.action.data", "value.action.verb", "incidentSubmit", tokens.incident.token, incidentRequired),
        ...otherInvokes("value.action.verb"),
        { op: "set", path: "value.action.data", to: "x" },
        { op: "set", path: "value.action.data", to: 7 },
        { op: "set", path: "value.action.data", to: null },
        { op: "set", path: "value.action.data", to: [] },
        { op: "drop", path: "value.action.data" },
        { op: "set", path: "value.action.data.occurredDate", to: "2999-01-01" },
        { op: "set", path: "value.action.data.infoKinds", to: "nonsense" },
        { op: "huge", path: "value.action.data.description", size: 10_001 },
      ],
    },
    {
      name: "approvalSubmitInvoke",
      creates: true,
      build: approvalInvoke,
      value: [
        ...formBreakers("value.action.data", "value.action.verb", "approvalSubmit", tokens.approval.token, approvalRequired),
        ...otherInvokes("value.action.verb"),
        { op: "set", path: "value.action.data", to: "x" },
        { op: "set", path: "value.action.data", to: [] },
        { op: "drop", path: "value.action.data" },
        { op: "set", path: "value.action.data.tool", to: "nonsense" },
        { op: "set", path: "value.action.data.validUntil", to: "1999-01-01" },
        { op: "huge", path: "value.action.data.purpose", size: 4001 },
      ],
    },
    {
      name: "approvalDecideInvoke",
      build: () => executeInvoke("approvalDecide", { requestId: randomUUID(), decision: "reject", token: "x.y", comment: "nej" }, o),
      value: [{ op: "set", path: "value.action.data.decision", to: ["approve"] }, { op: "set", path: "value.action.data.requestId", to: 7 }, ...otherInvokes("value.action.verb")],
    },
    { name: "approvalRefreshInvoke", build: () => ({ ...executeInvoke("approvalRefresh", { requestId: randomUUID(), lang: "sv" }, o), value: { action: { type: "Action.Execute", verb: "approvalRefresh", data: { requestId: randomUUID(), lang: "sv" } }, trigger: "automatic" } }), value: [{ op: "set", path: "value.action.data.requestId", to: "not-a-uuid" }, ...otherInvokes("value.action.verb")] },
    {
      name: "imageCopyInvoke",
      build: () => executeInvoke("imageLabelCopy", { source: { kind: "inline", url: inline, name: "bild.png" }, lang: "sv" }, o),
      value: [
        { op: "set", path: "value.action.data.source.url", to: "https://evil.example/x.png" },
        { op: "set", path: "value.action.data.source.url", to: "file:///etc/passwd" },
        { op: "set", path: "value.action.data.source.kind", to: "file" },
        { op: "set", path: "value.action.data.source", to: "x" },
        ...otherInvokes("value.action.verb"),
      ],
    },
    {
      name: "fetchTask",
      build: () => fetchTaskInvoke(messagePayload("<p>Ring Åsa på 070-123 45 67, personnummer 19121212-1212.</p>"), o),
      value: [
        { op: "set", path: "value.commandId", to: "someOtherCommand" },
        { op: "drop", path: "value.commandId" },
        { op: "set", path: "value.messagePayload.body", to: "x" },
        { op: "set", path: "value.messagePayload.body.content", to: 7 },
        { op: "huge", path: "value.messagePayload.body.content", size: 200_000 },
        { op: "set", path: "value.messagePayload.body.contentType", to: "text" },
        { op: "deep", path: "value.messagePayload.body.content", depth: 30, objects: true },
        { op: "set", path: "value.messagePayload.subject", to: ["x"] },
        { op: "set", path: "name", to: "composeExtension/submitAction" },
        { op: "set", path: "name", to: "adaptiveCard/action" },
        { op: "set", path: "name", to: "composeExtension/query" },
      ],
    },
    {
      name: "submitAction",
      build: () => submitActionInvoke({ verb: "restoreValues", ...restoreData, surface: "dialog" }, o),
      value: [
        { op: "set", path: "value.data", to: "x" },
        { op: "set", path: "value.data.mapping", to: null },
        { op: "set", path: "value.commandId", to: "someOtherCommand" },
        { op: "set", path: "value.botMessagePreviewAction", to: "weird" },
        { op: "set", path: "value.messagePayload", to: messagePayload("<b>hej</b>") as unknown as Json },
        { op: "set", path: "name", to: "composeExtension/fetchTask" },
        { op: "set", path: "name", to: "adaptiveCard/action" },
      ],
    },
    {
      name: "conversationUpdate",
      build: () => botAdded(o),
      value: [
        { op: "set", path: "membersAdded", to: [] },
        { op: "set", path: "membersAdded.0.id", to: USER.id },
        { op: "set", path: "membersAdded", to: Array.from({ length: 500 }, (_, i) => ({ id: `29:m-${i}` })) },
        { op: "set", path: "channelData", to: { eventType: "channelCreated", channel: { id: "19:c@thread.tacv2", name: "Ny" }, team: { id: "19:t@thread.tacv2" }, tenant: { id: "tenant-1" } } },
        { op: "set", path: "channelData", to: { eventType: "teamRenamed", team: "x" } },
      ],
    },
    {
      name: "membersRemoved",
      build: () => ({ ...activityBase(o), type: "conversationUpdate", membersRemoved: [{ id: BOT.id }] }),
      value: [{ op: "set", path: "membersRemoved", to: [] }],
    },
    { name: "installationUpdate", build: () => installationAdd(o), value: [{ op: "set", path: "action", to: "remove" }, { op: "set", path: "action", to: "add-upgrade" }, { op: "set", path: "action", to: "weird" }] },
    {
      name: "messageReaction",
      build: () => ({ ...activityBase(o), type: "messageReaction", reactionsAdded: [{ type: "like" }], replyToId: "stub-card-1" }),
      value: [{ op: "set", path: "reactionsAdded", to: [] }, { op: "set", path: "reactionsRemoved", to: [{ type: "heart" }] }],
    },
    { name: "messageUpdate", build: () => ({ ...message("ändrad text", o), type: "messageUpdate", channelData: { eventType: "editMessage", tenant: { id: "tenant-1" } } }), value: [{ op: "set", path: "channelData.eventType", to: "undeleteMessage" }] },
    { name: "typing", build: () => ({ ...activityBase(o), type: "typing" }), value: [] },
    { name: "event", build: () => ({ ...activityBase(o), type: "event", name: "application/vnd.microsoft.meetingStart", value: { Id: "m-1", JoinUrl: "https://teams.microsoft.com/l/meetup-join/x" } }), value: [{ op: "set", path: "value", to: "x" }] },
    { name: "unknownType", build: () => ({ ...activityBase(o), type: "somethingNew", value: [1, 2, 3] }), value: [] },
  ];
}

// ---------------------------------------------------------------- HTTP mutations

export interface HttpMut {
  /** Content-Type: omitted (null), one value, or the header sent twice */
  ct?: string | null | string[];
  /** Content-Encoding and what the body is: compressed with it, not compressed, cut short, or a bomb */
  enc?: { coding: string | string[]; body: "valid" | "plain" | "truncated" | "bomb" };
  /** Content-Length shorter than the body, sent twice, or next to Transfer-Encoding */
  len?: "short" | "dup" | "te+cl";
  /** the bytes themselves */
  raw?:
    | { kind: "truncate"; at: number }
    | { kind: "ctrl"; at: number }
    | { kind: "badUtf8"; at: number; bytes: number[] }
    | { kind: "notObject"; json: string }
    | { kind: "empty" }
    | { kind: "bom" }
    | { kind: "nested"; depth: number }
    | { kind: "bytes"; bytes: number[] };
  method?: "GET" | "PUT" | "DELETE" | "PATCH";
  /** extra headers, duplicates included */
  headers?: Array<[string, string]>;
  /** one header this long (Node refuses over 16 KB: 431) */
  bigHeader?: number;
}

const GOOD_CT = ["application/json", "application/json; charset=utf-8", "Application/JSON", 'application/json;charset="utf-8"', "application/json ; charset=UTF-8"];
const BAD_CT = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=iso-8859-1", "application/jsonx", "json", "*/*", "application/vnd.microsoft.activity+json"];
const GOOD_CODINGS = ["gzip", "x-gzip", "deflate", "br", "GZIP"];
const BAD_CODINGS = ["compress", "zstd", "garbage", "gzip, br", "gzip, gzip", "*", "chunked"];

export function httpArb(): fc.Arbitrary<HttpMut> {
  // present half of the time
  const some = <T>(a: fc.Arbitrary<T>) => fc.option(a, { freq: 2, nil: undefined });
  const ct = fc.oneof(fc.constantFrom(...GOOD_CT), fc.constantFrom(...BAD_CT), fc.constant(null), fc.tuple(fc.constantFrom(...GOOD_CT, ...BAD_CT), fc.constantFrom(...GOOD_CT, ...BAD_CT)));
  const enc = fc.oneof(
    fc.record({ coding: fc.constantFrom(...GOOD_CODINGS), body: fc.constantFrom("valid" as const, "plain" as const, "truncated" as const, "bomb" as const) }),
    fc.record({ coding: fc.constantFrom("identity", ""), body: fc.constant("plain" as const) }),
    fc.record({ coding: fc.constantFrom(...BAD_CODINGS), body: fc.constantFrom("valid" as const, "plain" as const) }),
    fc.record({ coding: fc.constantFrom<string[]>(["identity", "identity"], ["gzip", "identity"], ["gzip", "gzip"], ["br", "deflate"]), body: fc.constant("valid" as const) }),
  );
  const raw = fc.oneof(
    fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
    fc.record({ kind: fc.constant("ctrl" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant("badUtf8" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.constantFrom<number[]>([0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf]) }),
    fc.record({ kind: fc.constant("notObject" as const), json: fc.constantFrom("null", "[]", "[{}]", '"activity"', "42", "true", "{}[]", '{"type":"message"}{}') }),
    fc.constant({ kind: "empty" as const }),
    fc.constant({ kind: "bom" as const }),
    fc.record({ kind: fc.constant("nested" as const), depth: fc.integer({ min: 65, max: 120_000 }) }),
    fc.record({ kind: fc.constant("bytes" as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }) }),
  );
  const header = fc.constantFrom<[string, string]>(
    ["x-fuzz", "1"],
    ["accept", "application/json"],
    ["accept", "text/html"],
    ["user-agent", "Microsoft-SkypeBotApi (Microsoft-BotFramework/3.0)"],
    ["authorization", "Bearer garbage"],
    ["authorization", "Basic Zm9vOmJhcg=="],
    ["x-ms-conversation-id", "a:1"],
    ["ms-cv", "abc.1"],
    ["expect", "100-continue"],
    ["x-forwarded-for", "10.0.0.1, 10.0.0.2"],
  );
  // mostly one kind of mutation at a time (a refused header would hide the rest), sometimes several
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ ct }) },
    { weight: 4, arbitrary: fc.record({ enc }) },
    { weight: 1, arbitrary: fc.record({ len: fc.constantFrom("short" as const, "dup" as const, "te+cl" as const) }) },
    { weight: 4, arbitrary: fc.record({ raw }) },
    { weight: 1, arbitrary: fc.record({ method: fc.constantFrom("GET" as const, "PUT" as const, "DELETE" as const, "PATCH" as const) }) },
    { weight: 3, arbitrary: fc.record({ headers: fc.array(header, { minLength: 1, maxLength: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ bigHeader: fc.integer({ min: 17_000, max: 70_000 }) }) },
    { weight: 3, arbitrary: fc.record({ ct: some(ct), enc: some(enc), headers: some(fc.array(header, { minLength: 1, maxLength: 4 })) }) },
  );
}

function codings(enc: HttpMut["enc"]): string[] {
  if (!enc) return [];
  const all = (Array.isArray(enc.coding) ? enc.coding.join(",") : enc.coding).split(",");
  return all.map((c) => c.trim().toLowerCase()).filter((c) => c !== "" && c !== "identity");
}

function compress(coding: string, body: Buffer): Buffer {
  switch (coding) {
    case "gzip":
    case "x-gzip":
      return zlib.gzipSync(body);
    case "deflate":
      return zlib.deflateSync(body);
    case "br":
      return zlib.brotliCompressSync(body);
    default:
      // an encoding nobody decodes: gzip bytes under its name
      return zlib.gzipSync(body);
  }
}

function nestedJson(depth: number): string {
  return `{"type":"message","x":${"[".repeat(depth)}${"]".repeat(depth)}}`;
}

export interface Wire {
  method: string;
  headers: Array<[string, string]>;
  body: Buffer;
  /** bytes after decoding (what the size and depth limits apply to) */
  decodedBytes: number;
  /** why the request must be refused before the activity is read (4xx), if it must */
  refused?: string;
  /** no prediction: any status below 500 */
  unsure?: string;
}

const JSON_CT = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/** the request bytes and headers for an activity under these HTTP mutations, and what must happen to them */
export function wire(activity: Obj, h: HttpMut): Wire {
  let refused: string | undefined;
  let unsure: string | undefined;
  const refuse = (why: string) => (refused ??= why);
  let body: Buffer = Buffer.from(JSON.stringify(activity), "utf8");
  if (h.raw) {
    const r = h.raw;
    switch (r.kind) {
      case "truncate":
        body = body.subarray(0, Math.floor(body.length * r.at));
        refuse("truncated JSON");
        break;
      case "ctrl": {
        const at = Math.floor(body.length * r.at);
        body = Buffer.concat([body.subarray(0, at), Buffer.from([0x01]), body.subarray(at)]);
        refuse("control byte in JSON");
        break;
      }
      case "badUtf8": {
        const at = Math.floor(body.length * r.at);
        body = Buffer.concat([body.subarray(0, at), Buffer.from(r.bytes), body.subarray(at)]);
        refuse("invalid UTF-8");
        break;
      }
      case "notObject":
        body = Buffer.from(r.json);
        refuse("not a JSON object");
        break;
      case "empty":
        body = Buffer.alloc(0);
        refuse("empty body");
        break;
      case "bom":
        body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
        unsure = "UTF-8 BOM";
        break;
      case "nested":
        body = Buffer.from(nestedJson(r.depth));
        refuse("nested too deep");
        break;
      case "bytes":
        body = Buffer.concat([Buffer.from([0x01]), Buffer.from(r.bytes)]);
        refuse("random bytes");
        break;
    }
  }
  const decodedBytes = body.length;
  if (decodedBytes > MAX_BODY_BYTES) refuse("over the size limit");
  // the activity itself is sent (raw mutations other than a BOM replace it)
  if ((!h.raw || h.raw.kind === "bom") && nestingDepth(activity) > MAX_BODY_DEPTH) refuse("nested too deep");

  const headers: Array<[string, string]> = [];
  const ct = h.ct === undefined ? "application/json" : h.ct;
  if (ct === null) refuse("no Content-Type");
  else if (Array.isArray(ct)) {
    for (const c of ct) headers.push(["content-type", c]);
    // Node keeps the first Content-Type of a request that has two
    if (!JSON_CT.test(ct[0])) refuse("Content-Type not JSON");
  } else {
    headers.push(["content-type", ct]);
    if (!JSON_CT.test(ct)) refuse("Content-Type not JSON");
  }

  if (h.enc) {
    const list = Array.isArray(h.enc.coding) ? h.enc.coding : [h.enc.coding];
    for (const c of list) headers.push(["content-encoding", c]);
    const cs = codings(h.enc);
    if (cs.length > 1 || (cs.length === 1 && !["gzip", "x-gzip", "deflate", "br"].includes(cs[0]))) refuse("unsupported Content-Encoding");
    if (cs.length >= 1) {
      if (h.enc.body === "valid") body = compress(cs[0], body);
      else if (h.enc.body === "plain") refuse("body not encoded as declared");
      else if (h.enc.body === "truncated") {
        const c = compress(cs[0], body);
        body = c.subarray(0, Math.max(1, Math.floor(c.length / 2)));
        refuse("compressed body cut short");
      } else {
        // a bomb: a few KB on the wire, megabytes decoded
        body = compress(cs[0], Buffer.concat([body.subarray(0, Math.max(0, body.length - 1)), Buffer.from(`,"pad":"${" ".repeat(4 * 1024 * 1024)}"}`)]));
        refuse("decodes past the size limit");
      }
    }
  }

  if (h.len === "short") {
    headers.push(["content-length", String(Math.max(0, body.length - 1 - Math.floor(body.length / 3)))], ["connection", "close"]);
    refuse("Content-Length shorter than the body");
  } else if (h.len === "dup") {
    headers.push(["content-length", String(body.length)], ["content-length", String(body.length + 1)]);
    refuse("two Content-Lengths");
  } else if (h.len === "te+cl") {
    headers.push(["content-length", String(body.length)], ["transfer-encoding", "chunked"]);
    refuse("Content-Length and Transfer-Encoding");
  } else headers.push(["content-length", String(body.length)]);

  for (const [k, v] of h.headers ?? []) headers.push([k, v]);
  if (h.bigHeader) {
    headers.push(["x-big", "b".repeat(h.bigHeader)]);
    refuse("headers too large");
  }
  const method = h.method ?? "POST";
  if (method !== "POST") refuse(`${method} on /api/messages`);
  if (refused) unsure = undefined;
  return { method, headers, body, decodedBytes, refused, unsure };
}

export function showHttp(h: HttpMut): string {
  const parts: string[] = [];
  if (h.ct !== undefined) parts.push(`content-type ${JSON.stringify(h.ct)}`);
  if (h.enc) parts.push(`content-encoding ${JSON.stringify(h.enc.coding)} (${h.enc.body} body)`);
  if (h.len) parts.push(`content-length ${h.len}`);
  if (h.raw) parts.push(`raw ${JSON.stringify(h.raw)}`);
  if (h.method) parts.push(`method ${h.method}`);
  if (h.headers) parts.push(`headers ${JSON.stringify(h.headers)}`);
  if (h.bigHeader) parts.push(`header of ${h.bigHeader} bytes`);
  return parts.join(", ") || "plain JSON POST";
}

/** objects and arrays nested, counted without recursion */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    deepest = Math.max(deepest, d);
    for (const c of Object.values(v)) if (c !== null && typeof c === "object") stack.push([c, d + 1]);
  }
  return deepest;
}

// ---------------------------------------------------------------- the sender

export interface Answer {
  status: number;
  body: string;
  json?: any;
  ms: number;
}

/** one request over a fresh connection; rejects on a socket error or after `timeoutMs` */
export function send(url: string, w: Wire, timeoutMs = 15_000): Promise<Answer> {
  const u = new URL("/api/messages", url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of w.headers) {
      const prev = headers[k];
      headers[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: w.method, headers, agent: false, setHost: true });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks).toString("utf8");
        let json: any;
        try {
          json = body ? JSON.parse(body) : undefined;
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, body, json, ms: Date.now() - started });
      });
      res.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    req.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    // a server that answers before reading everything (a refused body) may reset the rest
    req.on("socket", (s) => s.on("error", () => undefined));
    req.end(w.body);
  });
}

// ---------------------------------------------------------------- cases and the oracle

export interface FuzzCase {
  base: string;
  /** mutations the validator must refuse */
  shape: Mut[];
  /** mutations of the card data (and of who sends it) the handlers must cope with */
  value: Mut[];
  /** mutations that leave a well-formed activity */
  benign: Mut[];
  http: HttpMut;
}

const EXTRA_PATHS = ["fuzzExtra", "from.fuzzExtra", "recipient.fuzzExtra", "conversation.fuzzExtra", "channelData.fuzzExtra", "channelData.tenant.fuzzExtra", "value.fuzzExtra", "entities.0.fuzzExtra", "attachments.0.fuzzExtra"];

function benignArb(a: Obj): fc.Arbitrary<Mut> {
  const extras = EXTRA_PATHS.filter((p) => {
    const parent = p.split(".").slice(0, -1).join(".");
    const v = parent ? getAt(a, parent) : a;
    return v !== null && typeof v === "object" && !Array.isArray(v);
  });
  const optional = optionalPaths(a);
  const texty = a.type === "message" || a.type === "messageUpdate";
  const arbs: fc.Arbitrary<Mut>[] = [
    fc.record({ op: fc.constant("set" as const), path: fc.constantFrom(...extras), to: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> }),
    fc.record({ op: fc.constant("huge" as const), path: fc.constant("fuzzExtra"), size: fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 200_000, max: 300_000 })) }),
    fc.record({ op: fc.constant("deep" as const), path: fc.constantFrom(...extras), depth: fc.integer({ min: 1, max: 40 }), objects: fc.boolean() }),
    fc.record({ op: fc.constant("deep" as const), path: fc.constant("fuzzExtra"), depth: fc.integer({ min: 65, max: 3_000 }), objects: fc.boolean() }),
    fc.record({ op: fc.constant("set" as const), path: fc.constant("locale"), to: fc.constantFrom("en-US", "sv-SE", "", "fi", "en", "xx-YY", null) }),
    fc.record({ op: fc.constant("set" as const), path: fc.constant("localTimezone"), to: fc.constantFrom("Europe/Stockholm", "america/NEW_YORK", "Not/AZone", "", "UTC", "Etc/GMT+14", null) }),
    fc.record({ op: fc.constant("set" as const), path: fc.constant("conversation.conversationType"), to: fc.constantFrom("personal", "groupChat", "channel", "weird", null) }),
    fc.record({ op: fc.constant("set" as const), path: fc.constant("channelId"), to: fc.constantFrom("msteams", "webchat", "emulator", "") }),
    fc.record({ op: fc.constant("set" as const), path: fc.constant("from.name"), to: fc.oneof(fc.constant(null), fc.string({ maxLength: 40 })) }),
  ];
  if (optional.length) arbs.push(fc.record({ op: fc.constant("drop" as const), path: fc.constantFrom(...optional) }));
  if (texty) {
    arbs.push(
      fc.record({ op: fc.constant("set" as const), path: fc.constant("text"), to: fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 }), fc.constantFrom("", " ", "<at>Policybot</at>", "rapportera incident", "hjälp", "policy wenell", "granska: Åsa 19121212-1212")) }),
      fc.record({ op: fc.constant("huge" as const), path: fc.constant("text"), size: fc.oneof(fc.integer({ min: 1, max: 30_000 }), fc.integer({ min: 200_000, max: 300_000 })) }),
    );
  }
  return fc.oneof(...arbs);
}

export function caseArb(all: Base[]): fc.Arbitrary<FuzzCase> {
  return fc.constantFrom(...all).chain((b) => {
    const a = structuredClone(b.build());
    const shapes = shapeMutations(a);
    const none = fc.constant([] as Mut[]);
    const shape = fc.oneof({ weight: 3, arbitrary: none }, { weight: 2, arbitrary: fc.array(fc.constantFrom(...shapes), { minLength: 1, maxLength: 2 }) });
    const value = b.value.length ? fc.oneof({ weight: 1, arbitrary: none }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...b.value), { minLength: 1, maxLength: 2 }) }) : none;
    const benign = fc.oneof({ weight: 1, arbitrary: none }, { weight: 2, arbitrary: fc.array(benignArb(a), { minLength: 1, maxLength: 3 }) });
    const http = fc.oneof({ weight: 3, arbitrary: fc.constant({} as HttpMut) }, { weight: 2, arbitrary: httpArb() });
    // a later mutation never touches what an earlier one changed (it could undo it)
    const c = fc.record({ base: fc.constant(b.name), shape, value, benign, http }).map((x) => {
      const value = x.value.filter((m) => !x.shape.some((s) => overlaps(s.path, m.path)));
      const benign = x.benign.filter((m) => ![...x.shape, ...value].some((s) => overlaps(s.path, m.path)));
      return { ...x, value, benign };
    });
    // a request that could store something carries at least one thing that must stop it
    return b.creates ? c.filter((x) => x.shape.length + x.value.length > 0 || wire(build(b, x), x.http).refused !== undefined) : c;
  });
}

/** one path is the other or inside it */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** the activity of a case: the base with its mutations applied, in order */
export function build(b: Base, c: FuzzCase): Obj {
  // a copy: the builders share objects (USER, BOT) that mutations must not touch
  const a = structuredClone(b.build());
  for (const m of [...c.shape, ...c.value, ...c.benign]) apply(a, m);
  return a;
}

export function showCase(c: FuzzCase): string {
  const list = (ms: Mut[]) => (ms.length ? ms.map(showMut).join("; ") : "-");
  return `${c.base} | shape: ${list(c.shape)} | value: ${list(c.value)} | benign: ${list(c.benign)} | http: ${showHttp(c.http)}`;
}

/** {"error":"bad activity: <field>"}: a field path, never a value */
function badActivity(r: Answer): boolean {
  const e = r.json?.error;
  return typeof e === "string" && /^bad activity: [A-Za-z][A-Za-z0-9.[\]]{0,120}$/.test(e) && Object.keys(r.json).length === 1;
}

/**
 * What the answer must be. HTTP-level refusals: 4xx. An activity the contract calls malformed:
 * 400 naming one of its bad fields (and a well-formed one is never refused so). Otherwise the
 * handlers answer, below 500; 501 only for an invoke the bot does not handle.
 */
export function judge(c: FuzzCase, a: Obj, w: Wire, r: Answer): string | undefined {
  const shortBody = r.body.length > 300 ? `${r.body.slice(0, 300)}…` : r.body;
  const got = `got ${r.status} ${shortBody}`;
  if (/\n\s+at |req\.body|middleware/.test(r.body)) return `the answer leaks internals: ${got}`;
  if (w.refused) {
    if (r.status < 400 || r.status >= 500) return `expected a 4xx (${w.refused}), ${got}`;
    if (r.body.length > 200) return `a refusal should be short, ${got}`;
    return undefined;
  }
  // the contract (RULES), checked apart from the validator, says whether this activity is malformed
  const bad = violations(a).map((p) => p.replace(/\.(\d+)(?=\.|$)/g, "[$1]"));
  if (bad.length > 0) {
    if (r.status !== 400 || !badActivity(r)) return `expected 400 {"error":"bad activity: <field>"} (malformed at ${bad.join(", ")}), ${got}`;
    const field = r.json.error.slice("bad activity: ".length);
    if (!bad.includes(field)) return `the refusal names "${field}"; the activity is malformed at ${bad.join(", ")}`;
    return undefined;
  }
  if (badActivity(r)) return `a well-formed activity was refused: ${got}`;
  const handled = a.type === "invoke" && typeof a.name === "string" && HANDLED_INVOKES.has(a.name);
  if (r.status === 501 && a.type === "invoke" && !handled) return undefined;
  if (r.status >= 500) return `expected < 500, ${got}`;
  if (a.type !== "invoke" && !w.unsure && c.value.length === 0 && r.status !== 200) return `a well-formed ${a.type} activity should get 200, ${got}`;
  return undefined;
}
