// Teams-shaped activities for draft review: a 1:1 message with a file, and the message
// action's invokes (composeExtension/fetchTask and composeExtension/submitAction).
import { randomUUID } from "node:crypto";
import { activityBase, type ActivityOpts } from "./activities";

/** a file sent in a 1:1 chat, as Teams delivers it to a bot with supportsFiles */
export function fileMessage(name: string, downloadUrl: string, o: ActivityOpts, text = "") {
  const fileType = /\.([a-z0-9]+)$/i.exec(name)?.[1] ?? "";
  return {
    ...activityBase(o),
    type: "message",
    text,
    attachments: [
      {
        contentType: "application/vnd.microsoft.teams.file.download.info",
        contentUrl: "https://contoso-my.sharepoint.com/personal/user/Documents/Microsoft Teams Chat Files/" + encodeURIComponent(name),
        name,
        content: { downloadUrl, uniqueId: randomUUID(), fileType },
      },
    ],
  };
}

/** the message a user chose the action on, as messagePayload carries it (HTML body) */
export function messagePayload(html: string, contentType: "html" | "text" = "html") {
  return {
    id: "1700000000000",
    createdDateTime: new Date().toISOString(),
    messageType: "message",
    importance: "normal",
    locale: "sv-se",
    from: { user: { id: "someone", displayName: "Någon Annan", userIdentityType: "aadUser" } },
    body: { contentType, content: html },
    attachments: [],
    mentions: [],
    reactions: [],
  };
}

export function fetchTaskInvoke(payload: unknown, o: ActivityOpts, commandId = "reviewMessage") {
  return { ...activityBase(o), type: "invoke", name: "composeExtension/fetchTask", value: { commandId, commandContext: "message", context: { theme: "default" }, messagePayload: payload } };
}

export function submitActionInvoke(data: unknown, o: ActivityOpts, extra: Record<string, unknown> = {}, commandId = "reviewMessage") {
  return { ...activityBase(o), type: "invoke", name: "composeExtension/submitAction", value: { commandId, commandContext: "message", context: { theme: "default" }, data, ...extra } };
}
