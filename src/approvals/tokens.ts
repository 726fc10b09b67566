// Card tokens. A request form is issued to one user and carries the request's id; an
// approval card is issued to one approver for one request. The HMAC binds them, so a
// submit with another request's id, another user's card or changed data is refused.
// Purposes are part of the MAC: a form token never passes as a decision token.
import { createHmac, timingSafeEqual } from "node:crypto";

export type TokenPurpose = "approval-form" | "approval-decision";

export interface TokenClaims {
  /** the request's id */
  rid: string;
  /** whom it was issued to (aadObjectId) */
  oid: string;
  /** issued at, epoch ms */
  iat: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: "forged" | "expired" };

const b64 = (s: string) => Buffer.from(s).toString("base64url");

export class CardTokens {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error("card token secret must be at least 32 bytes");
  }

  issue(purpose: TokenPurpose, rid: string, oid: string, now: number): string {
    const payload = b64(JSON.stringify({ v: 1, rid, oid, iat: now }));
    return `${payload}.${this.mac(purpose, payload)}`;
  }

  /** checks the MAC and age only; whose it is, is the caller's check (it knows the actor) */
  verify(purpose: TokenPurpose, token: unknown, now: number, maxAgeMs: number): TokenCheck {
    if (typeof token !== "string" || token.length > 1000) return { ok: false, reason: "forged" };
    const [payload, mac, extra] = token.split(".");
    if (!payload || !mac || extra !== undefined) return { ok: false, reason: "forged" };
    const want = Buffer.from(this.mac(purpose, payload));
    const got = Buffer.from(mac);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: "forged" };
    let p: { v?: unknown; rid?: unknown; oid?: unknown; iat?: unknown };
    try {
      p = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    } catch {
      return { ok: false, reason: "forged" };
    }
    if (p.v !== 1 || typeof p.rid !== "string" || typeof p.oid !== "string" || typeof p.iat !== "number") return { ok: false, reason: "forged" };
    if (now - p.iat > maxAgeMs || p.iat - now > 5 * 60_000) return { ok: false, reason: "expired" };
    return { ok: true, claims: { rid: p.rid, oid: p.oid, iat: p.iat } };
  }

  private mac(purpose: TokenPurpose, payload: string): string {
    return createHmac("sha256", this.secret).update(`policybot.${purpose}.${payload}`).digest("base64url");
  }
}
