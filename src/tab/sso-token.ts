// Validates the tab's SSO token (teams-js authentication.getAuthToken): an Entra v2 access
// token for this app. Signature from the tenant's published keys (OpenID metadata -> JWKS,
// RS256 only), issuer = the tenant's v2 issuer, audience = the app id, the tenant allowed,
// not expired (5 minutes of clock skew, as Entra allows). The keys are cached; an unknown
// kid refetches them at most once a minute (key rollover without a flood of fetches).
import { createPublicKey, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";

export interface SsoUser {
  /** Entra object id */
  oid: string;
  tid: string;
  /** app roles assigned to the user (the roles claim) */
  roles: string[];
  /** the raw token, for the on-behalf-of exchange only (never logged or stored) */
  token: string;
}

export interface SsoValidatorOptions {
  /** e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** the app's own tenant: its keys and issuer */
  tenantId: string;
  /** aud: the app (client) id */
  appId: string;
  /** tenants whose users may use the tab (lowercase GUIDs) */
  allowedTenants: string[];
  timeoutMs: number;
  /** seconds of clock skew accepted on exp and nbf */
  clockToleranceS?: number;
  /** an unknown kid refetches the keys at most this often (default a minute) */
  keyRefreshMinMs?: number;
}

/** why a token was refused: logged as a code, answered as 401 */
export class SsoTokenError extends Error {
  constructor(readonly code: "missing" | "malformed" | "signature" | "issuer" | "audience" | "expired" | "tenant" | "claims" | "keys") {
    super(`sso token refused: ${code}`);
    this.name = "SsoTokenError";
  }
}

const KEY_REFRESH_MIN_MS = 60_000;
/** the keys are fetched again after this even when every kid is known: a withdrawn key stops working */
const KEY_MAX_AGE_MS = 24 * 3600_000;

export class SsoTokenValidator {
  private keys = new Map<string, KeyObject>();
  private issuer = "";
  private fetchedAt = 0;
  private loading?: Promise<void>;

  constructor(private readonly o: SsoValidatorOptions) {}

  async validate(token: string | undefined): Promise<SsoUser> {
    if (!token) throw new SsoTokenError("missing");
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === "string") throw new SsoTokenError("malformed");
    const kid = decoded.header.kid;
    if (!kid || decoded.header.alg !== "RS256") throw new SsoTokenError("malformed");
    const key = await this.key(kid);
    if (!key) throw new SsoTokenError("signature");
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(token, key, {
        algorithms: ["RS256"],
        issuer: this.issuer,
        audience: this.o.appId,
        clockTolerance: this.o.clockToleranceS ?? 300,
      }) as jwt.JwtPayload;
    } catch (e) {
      const msg = e instanceof Error ? e.message : "";
      if (e instanceof jwt.TokenExpiredError || e instanceof jwt.NotBeforeError) throw new SsoTokenError("expired");
      if (/issuer/.test(msg)) throw new SsoTokenError("issuer");
      if (/audience/.test(msg)) throw new SsoTokenError("audience");
      if (/signature/.test(msg)) throw new SsoTokenError("signature");
      throw new SsoTokenError("malformed");
    }
    const tid = typeof claims.tid === "string" ? claims.tid.toLowerCase() : "";
    if (!tid || !this.o.allowedTenants.includes(tid)) throw new SsoTokenError("tenant");
    if (typeof claims.oid !== "string" || !claims.oid) throw new SsoTokenError("claims");
    // a token for the app itself (client credentials) has no user: the tab serves people only
    if (typeof claims.scp !== "string") throw new SsoTokenError("claims");
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === "string") : [];
    return { oid: claims.oid.toLowerCase(), tid, roles, token };
  }

  private async key(kid: string): Promise<KeyObject | undefined> {
    const age = Date.now() - this.fetchedAt;
    const due = !this.fetchedAt || age > KEY_MAX_AGE_MS || (!this.keys.has(kid) && age > (this.o.keyRefreshMinMs ?? KEY_REFRESH_MIN_MS));
    if (due) {
      this.loading ??= this.load().finally(() => (this.loading = undefined));
      await this.loading;
    }
    return this.keys.get(kid);
  }

  private async load(): Promise<void> {
    const base = `${this.o.authorityHost.replace(/\/+$/, "")}/${encodeURIComponent(this.o.tenantId)}`;
    try {
      const meta = (await this.getJson(`${base}/v2.0/.well-known/openid-configuration`)) as { issuer?: unknown; jwks_uri?: unknown };
      if (typeof meta.issuer !== "string" || typeof meta.jwks_uri !== "string") throw new SsoTokenError("keys");
      const jwks = (await this.getJson(meta.jwks_uri)) as { keys?: Array<Record<string, unknown>> };
      const keys = new Map<string, KeyObject>();
      for (const k of jwks.keys ?? []) {
        if (k.kty !== "RSA" || typeof k.kid !== "string" || (k.use !== undefined && k.use !== "sig")) continue;
        keys.set(k.kid, createPublicKey({ key: { kty: "RSA", n: k.n as string, e: k.e as string }, format: "jwk" }));
      }
      this.issuer = meta.issuer.replace("{tenantid}", this.o.tenantId);
      this.keys = keys;
    } finally {
      this.fetchedAt = Date.now();
    }
  }

  private async getJson(url: string): Promise<unknown> {
    const res = await fetch(url, { signal: AbortSignal.timeout(this.o.timeoutMs) }).catch(() => undefined);
    if (!res?.ok) throw new SsoTokenError("keys");
    return res.json().catch(() => {
      throw new SsoTokenError("keys");
    });
  }
}
