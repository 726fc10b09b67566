// Shapes of the draft-review capability. Pure: also runs in the browser.
import type { Citation } from "../policy/types";

export type FindingType =
  | "PERSONNUMMER" | "PERSON_NAME" | "EMAIL" | "PHONE" | "ADDRESS" | "BANK_ACCOUNT"
  | "PAYMENT_CARD" | "IP_ADDRESS" | "CREDENTIAL" | "LICENSE_PLATE"
  | "HEALTH" | "SPECIAL_CATEGORY" | "SECRECY";

export interface Finding {
  type: FindingType;
  /** UTF-16 offsets into the draft, end exclusive */
  start: number;
  end: number;
  /** 0..1 */
  confidence: number;
  /** why it was flagged, e.g. "Luhn-valid personnummer" or "context word 'lösenord'" */
  reason: string;
}

export type Verdict = "block" | "warn" | "ok";

export interface ReviewResult {
  verdict: Verdict;
  findings: Finding[];
  redacted: string;
  /** rules of the active pack broken, per finding type */
  rules: Partial<Record<FindingType, Citation[]>>;
}
