// Teams-shaped activities, as the Teams channel posts them to /api/messages.
import { randomUUID } from "node:crypto";

export const BOT = { id: "28:policybot-test", name: "Policybot" };
/** the tenant of every test activity (test/support/bot-server.ts allows it when tokens are checked) */
export const TENANT_ID = "5a1e0b0e-7c3d-4e2f-9a6b-1c2d3e4f5a6b";
export const USER = { id: "29:user-1", name: "Test Användare", aadObjectId: "00000000-0000-0000-0000-0000000000aa" };

export type ConversationType = "personal" | "groupChat" | "channel";

export interface ActivityOpts {
  serviceUrl: string;
  conversationType?: ConversationType;
  conversationId?: string;
  locale?: string;
}

/** the fields every Teams activity carries (shared by the other activity builders in tests) */
export function activityBase(o: ActivityOpts) {
  const conversationType = o.conversationType ?? "personal";
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: o.serviceUrl,
    from: USER,
    recipient: BOT,
    locale: o.locale ?? "sv-SE",
    conversation: {
      id: o.conversationId ?? `a:conv-${randomUUID()}`,
      conversationType,
      tenantId: TENANT_ID,
      ...(conversationType !== "personal" ? { isGroup: true } : {}),
    },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

export function message(text: string, o: ActivityOpts) {
  return { ...activityBase(o), type: "message", text, textFormat: "plain" };
}

/** a channel/group message that @mentions the bot, as Teams sends it */
export function mentionMessage(question: string, o: ActivityOpts) {
  const mentionText = `<at>${BOT.name}</at>`;
  return {
    ...activityBase({ conversationType: "channel", ...o }),
    type: "message",
    text: `${mentionText} ${question}`,
    textFormat: "plain",
    entities: [{ type: "mention", text: mentionText, mentioned: { id: BOT.id, name: BOT.name } }],
  };
}

export function submit(value: unknown, o: ActivityOpts & { replyToId?: string }) {
  return { ...activityBase(o), type: "message", value, ...(o.replyToId ? { replyToId: o.replyToId } : {}) };
}

export function botAdded(o: ActivityOpts) {
  return { ...activityBase(o), type: "conversationUpdate", membersAdded: [{ id: BOT.id }, { id: USER.id }] };
}

export function installationAdd(o: ActivityOpts) {
  return { ...activityBase(o), type: "installationUpdate", action: "add" };
}

export function executeInvoke(verb: string, data: unknown, o: ActivityOpts) {
  return { ...activityBase(o), type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" } };
}

/** what Teams sends when a card's Action.Submit with msteams.type "task/fetch" is pressed (name "task/fetch"), or a dialog's form submitted ("task/submit") */
export function taskInvoke(name: "task/fetch" | "task/submit", data: unknown, o: ActivityOpts) {
  return { ...activityBase(o), type: "invoke", name, value: { data, context: { theme: "default" } } };
}

export async function post(botUrl: string, activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${botUrl}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(activity) });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}
