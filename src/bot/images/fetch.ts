// Downloads one image into memory, bounded in size and time. Inline images carry the
// bot's token, which goes to the activity's own Bot Connector origin only: a redirect
// elsewhere is followed without it. The URL is never logged or put into an error.
import type { TurnContext } from "botbuilder";
import { CappedFetchError, fetchCapped } from "../../http/capped-fetch";
import { ImageFetchError } from "./errors";
import { acceptSource, schemeAllowed, type ImageSource } from "./sources";

export interface FetchOptions {
  maxBytes: number;
  timeoutMs: number;
  allowHttp: boolean;
  serviceUrl: string | undefined;
  /** "Bearer …" for inline images (undefined without bot auth) */
  authorization?: string;
}

export async function fetchImage(src: ImageSource, o: FetchOptions): Promise<Uint8Array> {
  if (!acceptSource(src, { serviceUrl: o.serviceUrl, allowHttp: o.allowHttp })) throw new ImageFetchError("rejectedUrl");
  const url = new URL(src.url);
  const tokenOrigin = url.origin;
  try {
    return await fetchCapped(url, {
      maxBytes: o.maxBytes,
      timeoutMs: o.timeoutMs,
      allowed: (u) => schemeAllowed(u, o.allowHttp),
      headersFor: (u): Record<string, string> =>
        src.kind === "inline" && o.authorization && u.origin === tokenOrigin ? { authorization: o.authorization } : {},
    });
  } catch (err) {
    if (err instanceof CappedFetchError) throw new ImageFetchError(err.code, err.retryable);
    throw err;
  }
}

/** what a connector client's credentials need to sign a request (botframework-connector AppCredentials) */
interface SigningCredentials {
  signRequest(resource: { headers: { set(name: string, value: string): void } }): Promise<unknown>;
}

/**
 * "Bearer <token>" of the bot's own app, from the connector client CloudAdapter put in the
 * turn state (MicrosoftAppCredentials, certificate or managed identity alike); undefined
 * when bot auth is off (local runs) or the client is missing.
 */
export async function connectorAuthorization(ctx: TurnContext): Promise<string | undefined> {
  const client = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as { credentials?: Partial<SigningCredentials> } | undefined;
  const creds = client?.credentials;
  if (!creds || typeof creds.signRequest !== "function") return undefined;
  let value: string | undefined;
  await creds.signRequest({ headers: { set: (name, v) => void (name.toLowerCase() === "authorization" ? (value = v) : undefined) } });
  return value;
}
