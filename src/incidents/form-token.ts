// A report form is issued to one user and carries its report id. The token binds the
// two with an HMAC, so a submit with another user's card data, or with a changed id,
// is refused, and a re-submit of the same card files nothing new (same id).
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export interface FormClaims {
  /** the report's client-generated id */
  reportId: string;
  /** the user the form was issued to (aadObjectId) */
  objectId: string;
  /** issued at, epoch ms */
  iat: number;
}

export type TokenCheck = { ok: true; claims: FormClaims } | { ok: false; reason: "forged" | "not-yours" | "expired" };

/** a form stays valid for a week: long enough for someone who filled it in on Friday */
export const FORM_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64url");

export class FormTokens {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error("form token secret must be at least 32 bytes");
  }

  issue(objectId: string, now: number, reportId: string = randomUUID()): { reportId: string; token: string } {
    const payload = b64(JSON.stringify({ v: 1, rid: reportId, oid: objectId, iat: now }));
    return { reportId, token: `${payload}.${this.mac(payload)}` };
  }

  verify(token: unknown, actorObjectId: string, now: number): TokenCheck {
    if (typeof token !== "string" || token.length > 1000) return { ok: false, reason: "forged" };
    const [payload, mac, extra] = token.split(".");
    if (!payload || !mac || extra !== undefined) return { ok: false, reason: "forged" };
    const want = Buffer.from(this.mac(payload));
    const got = Buffer.from(mac);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: "forged" };
    let p: { v?: number; rid?: unknown; oid?: unknown; iat?: unknown };
    try {
      p = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    } catch {
      return { ok: false, reason: "forged" };
    }
    if (p.v !== 1 || typeof p.rid !== "string" || typeof p.oid !== "string" || typeof p.iat !== "number") return { ok: false, reason: "forged" };
    if (p.oid !== actorObjectId) return { ok: false, reason: "not-yours" };
    if (now - p.iat > FORM_MAX_AGE_MS || p.iat - now > 5 * 60 * 1000) return { ok: false, reason: "expired" };
    return { ok: true, claims: { reportId: p.rid, objectId: p.oid, iat: p.iat } };
  }

  private mac(payload: string): string {
    return createHmac("sha256", this.secret).update(`policybot.incident-form.${payload}`).digest("base64url");
  }
}
