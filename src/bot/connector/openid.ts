// The signing keys of the channel's tokens, fetched with a timeout. botframework-connector's
// own OpenIdMetadata fetches the metadata and the JWKS with node-fetch and no timeout (a
// metadata server that never answers held every inbound request), fetches again for each
// waiting request, and hands out the keys as PEM text that its JwtTokenExtractor prints on
// a bad signature. JwtTokenExtractor looks its metadata up in a static cache by URL; the
// bot puts this class there for the URLs it validates against, before any request.
// Same refresh rules as botbuilder's: every 24 hours, and at most hourly for an unknown key id.
import { createPublicKey, type KeyObject } from "node:crypto";
import { AuthenticationError } from "botframework-connector";
import { JwtTokenExtractor } from "botframework-connector/lib/auth/jwtTokenExtractor";

const REFRESH_MS = 24 * 60 * 60 * 1000;
const UNKNOWN_KID_REFRESH_MS = 60 * 60 * 1000;
/** after a failed refresh, requests fail at once for this long instead of each waiting on the server */
const FAILURE_MEMO_MS = 5_000;
const MAX_DOCUMENT_BYTES = 1024 * 1024;

interface Jwk {
  kid?: unknown;
  n?: unknown;
  e?: unknown;
  kty?: unknown;
  endorsements?: unknown;
}

/** why the keys could not be loaded: a stable code, logged by the adapter */
export class SigningKeysUnavailable extends AuthenticationError {
  constructor(readonly reason: string) {
    super(`Failed to load the signing keys: ${reason}`, 500);
    this.name = "SigningKeysUnavailable";
  }
}

export class TimedOpenIdMetadata {
  private keys: Jwk[] | undefined;
  private readonly objects = new Map<string, KeyObject>();
  private lastUpdated = 0;
  private refreshing: Promise<void> | undefined;
  private failed: { at: number; error: SigningKeysUnavailable } | undefined;

  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {}

  /** the interface JwtTokenExtractor uses; null when no published key has this id */
  async getKey(keyId: string): Promise<{ key: KeyObject; endorsements?: string[] } | null> {
    if (this.lastUpdated < Date.now() - REFRESH_MS) {
      try {
        await this.refresh();
      } catch (e) {
        // keys past their refresh time still verify a token signed with one of them
        const stale = this.findKey(keyId);
        if (stale) return stale;
        throw e;
      }
      return this.findKey(keyId);
    }
    const key = this.findKey(keyId);
    if (!key && this.lastUpdated < Date.now() - UNKNOWN_KID_REFRESH_MS) {
      await this.refresh();
      return this.findKey(keyId);
    }
    return key;
  }

  private refresh(): Promise<void> {
    if (this.failed && Date.now() - this.failed.at < FAILURE_MEMO_MS) return Promise.reject(this.failed.error);
    this.refreshing ??= this.load()
      .then(
        () => void (this.failed = undefined),
        (e: SigningKeysUnavailable) => {
          this.failed = { at: Date.now(), error: e };
          throw e;
        },
      )
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const config = (await this.json(this.url, "openid")) as { jwks_uri?: unknown };
    if (typeof config?.jwks_uri !== "string" || !/^https?:\/\//i.test(config.jwks_uri)) throw new SigningKeysUnavailable("openid_invalid");
    const jwks = (await this.json(config.jwks_uri, "jwks")) as { keys?: unknown };
    if (!Array.isArray(jwks?.keys)) throw new SigningKeysUnavailable("jwks_invalid");
    this.keys = jwks.keys as Jwk[];
    this.objects.clear();
    this.lastUpdated = Date.now();
  }

  private async json(url: string, what: "openid" | "jwks"): Promise<unknown> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let text: string;
    try {
      const res = await fetch(url, { signal, headers: { accept: "application/json" } });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new SigningKeysUnavailable(`${what}_http_${res.status}`);
      }
      if (Number(res.headers.get("content-length") ?? 0) > MAX_DOCUMENT_BYTES) {
        await res.body?.cancel().catch(() => undefined);
        throw new SigningKeysUnavailable(`${what}_too_large`);
      }
      text = await res.text();
    } catch (e) {
      if (e instanceof SigningKeysUnavailable) throw e;
      throw new SigningKeysUnavailable(signal.aborted ? `${what}_timeout` : `${what}_unreachable`);
    }
    if (text.length > MAX_DOCUMENT_BYTES) throw new SigningKeysUnavailable(`${what}_too_large`);
    try {
      return JSON.parse(text);
    } catch {
      throw new SigningKeysUnavailable(`${what}_invalid`);
    }
  }

  private findKey(keyId: string): { key: KeyObject; endorsements?: string[] } | null {
    const jwk = this.keys?.find((k) => k.kid === keyId);
    // like botbuilder: RSA keys only
    if (!jwk || typeof jwk.n !== "string" || typeof jwk.e !== "string") return null;
    let key = this.objects.get(keyId);
    if (!key) {
      try {
        key = createPublicKey({ key: { kty: "RSA", n: jwk.n, e: jwk.e }, format: "jwk" });
      } catch {
        return null;
      }
      this.objects.set(keyId, key);
    }
    const endorsements = Array.isArray(jwk.endorsements) ? jwk.endorsements.filter((x): x is string => typeof x === "string") : undefined;
    return { key, endorsements };
  }
}

/**
 * Puts timed metadata into JwtTokenExtractor's cache for these URLs (the channel's and the
 * Emulator's: the two botbuilder's ParameterizedBotFrameworkAuthentication validates against).
 */
export function installOpenIdMetadata(urls: string[], timeoutMs: number): void {
  const cache = (JwtTokenExtractor as unknown as { openIdMetadataCache?: unknown }).openIdMetadataCache;
  if (!(cache instanceof Map)) throw new Error("JwtTokenExtractor has no metadata cache (botframework-connector changed?)");
  for (const url of new Set(urls)) {
    const current = cache.get(url);
    if (current instanceof TimedOpenIdMetadata && current.timeoutMs === timeoutMs) continue;
    cache.set(url, new TimedOpenIdMetadata(url, timeoutMs));
  }
}
