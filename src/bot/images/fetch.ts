// Downloads one image into memory, bounded in size and time. Inline images carry the
// bot's token, which goes to the activity's own Bot Connector origin only: a redirect
// elsewhere is followed without it. The URL is never logged or put into an error.
import type { TurnContext } from "botbuilder";
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
  let url = new URL(src.url);
  const tokenOrigin = url.origin;
  const signal = AbortSignal.timeout(o.timeoutMs);
  const headersFor = (u: URL): Record<string, string> =>
    src.kind === "inline" && o.authorization && u.origin === tokenOrigin ? { authorization: o.authorization } : {};
  try {
    let res = await fetch(url, { redirect: "manual", signal, headers: headersFor(url) });
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 5; hops++) {
      const next = res.headers.get("location");
      await res.body?.cancel();
      if (!next) throw new ImageFetchError("download");
      url = new URL(next, url);
      if (!schemeAllowed(url, o.allowHttp)) throw new ImageFetchError("rejectedUrl");
      res = await fetch(url, { redirect: "manual", signal, headers: headersFor(url) });
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new ImageFetchError("download", res.status >= 500 || res.status === 429);
    }
    const declared = Number(res.headers.get("content-length") ?? "NaN");
    if (Number.isFinite(declared) && declared > o.maxBytes) {
      await res.body?.cancel();
      throw new ImageFetchError("tooLarge");
    }
    return await readCapped(res, o.maxBytes);
  } catch (err) {
    if (err instanceof ImageFetchError) throw err;
    const name = (err as { name?: string } | null)?.name;
    if (name === "TimeoutError" || name === "AbortError" || signal.aborted) throw new ImageFetchError("timeout", true);
    throw new ImageFetchError("download", true);
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ImageFetchError("tooLarge");
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
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
