import { passingFailure } from "../../notify/delivery-outbox";

// Why a proactive send failed, as a stable code (never message text). The connector
// answers Teams' typical failures with an error body: 404 ConversationNotFound (the chat
// is gone or the app was removed), 403 BotNotInConversationRoster (the user removed or
// blocked the bot); Graph failures carry Graph's code. A call that got no answer carries
// the code of src/bot/connector/pipeline.ts (connector_timeout, connector_unreachable, ...).
export function proactiveErrorCode(e: unknown): string {
  const x = e as { code?: unknown; errorCode?: unknown; statusCode?: unknown; status?: unknown; body?: unknown; response?: { bodyAsText?: unknown; parsedBody?: unknown }; name?: unknown } | undefined;
  // the bot's own connector token could not be had (msal-node's AuthError): no request was sent
  if (typeof x?.errorCode === "string" && /^[A-Za-z_]{2,60}$/.test(x.errorCode) && typeof x?.name === "string" && /(AuthError|ServerError)$/.test(x.name)) return `token_${x.errorCode}`;
  const fromBody = bodyCode(x?.body) ?? bodyCode(x?.response?.parsedBody) ?? bodyCode(x?.response?.bodyAsText);
  if (fromBody) return fromBody;
  if (typeof x?.code === "string" && /^[A-Za-z_]{2,60}$/.test(x.code) && x.code !== "RestError") return x.code;
  const status = typeof x?.statusCode === "number" ? x.statusCode : typeof x?.status === "number" ? x.status : undefined;
  if (status) return `http_${status}`;
  return typeof x?.name === "string" ? x.name.slice(0, 40) : "error";
}

/**
 * Whether waiting may help a failed send: the HTTP status decides where there is one
 * (408, 429, 5xx), else the code (timeouts, lost connections, a token not had in time).
 */
export function sendFailurePasses(e: unknown): boolean {
  const x = e as { statusCode?: unknown; status?: unknown } | undefined;
  const status = typeof x?.statusCode === "number" ? x.statusCode : typeof x?.status === "number" ? x.status : undefined;
  if (status) return status === 408 || status === 429 || status >= 500;
  return passingFailure(proactiveErrorCode(e));
}

function bodyCode(b: unknown): string | undefined {
  let v = b;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  const code = (v as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === "string" && /^[A-Za-z_]{2,60}$/.test(code) ? code : undefined;
}

/** the stored 1:1 chat no longer works: installing the app again (or a new chat) may help */
export function chatIsGone(code: string): boolean {
  return code === "ConversationNotFound" || code === "BotNotInConversationRoster" || code === "http_403" || code === "http_404";
}
