// The shape of an incoming activity, checked (zod) before the adapter sees it: the fields
// the bot and botbuilder read must have the types they assume, or the request is answered
// 400 {"error":"bad activity: <field>"} and no handler runs. Only shapes are checked, never
// meaning: unknown fields and unknown activity types pass (botbuilder answers those 200 and
// ignores them), and every value is left to the handlers' own parsers (submits.ts, …).
// The answer and the log name the field only, never a value.
import { z } from "zod";
import type { Response } from "restify";
import type { Logger } from "../logging";

/** invokes the bot answers (policybot.ts); any other invoke name gets 501 there */
export const HANDLED_INVOKES: ReadonlySet<string> = new Set(["adaptiveCard/action", "composeExtension/fetchTask", "composeExtension/submitAction", "task/fetch", "task/submit"]);

/** ids (conversation, user, activity): Teams' longest are a few hundred characters */
const MAX_ID = 1024;
const id = z.string().max(MAX_ID);
/** a short descriptive string (names, locale, zone, type); null where Teams may leave it empty */
const short = (max: number) => z.string().max(max).nullish();
const obj = z.looseObject({});

/** from, recipient, members: what botbuilder copies into its replies (and the connector serialises) */
const account = z.looseObject({
  id,
  name: short(1024),
  aadObjectId: short(MAX_ID),
  role: short(64),
});

const conversation = z.looseObject({
  id,
  name: short(1024),
  conversationType: short(64),
  isGroup: z.boolean().nullish(),
  tenantId: short(MAX_ID),
  aadObjectId: short(MAX_ID),
  role: short(64),
});

/** TurnContext.getMentions lowercases every entity's type; a mention's `mentioned.id` is compared */
const entity = z.looseObject({ type: z.string().max(256) }).superRefine((e, ctx) => {
  if (e.type.toLowerCase() !== "mention") return;
  const m = z.looseObject({ mentioned: z.looseObject({ id: id.nullish() }), text: short(4096) }).safeParse(e);
  if (!m.success) for (const i of m.error.issues) ctx.addIssue({ code: "custom", message: i.message, path: i.path });
});

const attachment = z.looseObject({
  contentType: z.string().max(256).optional(),
  contentUrl: z.string().nullish(),
  name: short(1024),
});

const reaction = z.looseObject({ type: z.string().max(256).nullish() });

const channelData = z.looseObject({
  eventType: short(128),
  tenant: obj.nullish(),
  team: obj.nullish(),
  channel: obj.nullish(),
});

const httpUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "https:" || u.protocol === "http:";
    } catch {
      return false;
    }
  }, "not an http(s) URL");

/** every activity: the envelope botbuilder and the handlers read */
const envelope = z.looseObject({
  type: z.string().min(1).max(128),
  id: id.nullish(),
  serviceUrl: httpUrl,
  channelId: short(128),
  from: account,
  recipient: account,
  conversation,
  timestamp: z.string().max(64).nullish(),
  localTimestamp: z.string().max(64).nullish(),
  locale: short(64),
  localTimezone: short(128),
  replyToId: id.nullish(),
  // a mention's text is cut out of it (TurnContext.removeMentionText): a string or nothing
  text: z.string().optional(),
  name: short(256),
  action: short(128),
  channelData: channelData.nullish(),
  entities: z.array(entity).optional(),
  attachments: z.array(attachment).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
  reactionsAdded: z.array(reaction).optional(),
  reactionsRemoved: z.array(reaction).optional(),
});

/** a card's Action.Submit data arrives as a message's value: an object, or nothing */
const messageValue = obj.nullish();

/** adaptiveCard/action: botbuilder reads value.action.type before any handler */
const adaptiveCardAction = z.looseObject({
  action: z.looseObject({ type: z.string().max(128), verb: short(256), id: short(MAX_ID) }),
  trigger: short(64),
  authentication: obj.nullish(),
});

/** composeExtension/fetchTask and submitAction (MessagingExtensionAction) */
const extensionAction = z.looseObject({
  commandId: short(256),
  commandContext: short(64),
  botMessagePreviewAction: short(64),
  messagePayload: obj.nullish(),
  context: obj.nullish(),
});

/** task/fetch and task/submit (a card button's dialog): the button's data, the dialog's inputs */
const taskRequest = z.looseObject({ data: z.unknown().optional(), context: obj.nullish() });

const INVOKE_VALUES: Record<string, z.ZodType> = {
  "adaptiveCard/action": adaptiveCardAction,
  "task/fetch": taskRequest,
  "task/submit": taskRequest,
  "composeExtension/fetchTask": extensionAction,
  "composeExtension/submitAction": extensionAction,
};

export type ShapeCheck = { ok: true } | { ok: false; field: string };

/** "entities[2].mentioned.id": schema keys and array indexes only, never a value */
function fieldName(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${String(p)}`;
  return out || "activity";
}

function first(r: { success: boolean; error?: z.ZodError }, prefix: readonly PropertyKey[] = []): ShapeCheck {
  if (r.success) return { ok: true };
  return { ok: false, field: fieldName([...prefix, ...(r.error?.issues[0]?.path ?? [])]) };
}

/** whether the body is an activity the bot can safely hand to botbuilder, else the first bad field */
export function checkActivityShape(body: unknown): ShapeCheck {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return { ok: false, field: "activity" };
  const base = first(envelope.safeParse(body));
  if (!base.ok) return base;
  const a = body as { type: string; channelId?: unknown; name?: unknown; value?: unknown; channelData?: unknown };
  switch (a.type) {
    case "message":
      return first(messageValue.safeParse(a.value), ["value"]);
    case "invoke": {
      if (typeof a.name !== "string" || a.name === "") return { ok: false, field: "name" };
      const schema = INVOKE_VALUES[a.name];
      return schema ? first(schema.safeParse(a.value), ["value"]) : { ok: true };
    }
    case "messageUpdate":
    case "messageDelete":
      // TeamsActivityHandler reads channelData.eventType of these without a check
      return a.channelId === "msteams" && (a.channelData === null || typeof a.channelData !== "object") ? { ok: false, field: "channelData" } : { ok: true };
    default:
      return { ok: true };
  }
}

/**
 * For the endpoint: answers a malformed activity 400 and logs one line naming the field;
 * true when it did (the caller stops there).
 */
export function refuseMalformedActivity(body: unknown, res: Response, log: Logger): boolean {
  const check = checkActivityShape(body);
  if (check.ok) return false;
  log.warn({ event: "badActivity", field: check.field }, "malformed activity refused");
  res.send(400, { error: `bad activity: ${check.field}` });
  return true;
}
