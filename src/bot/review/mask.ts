// Masked values for the review card: enough for the user to recognise which value was
// meant, never enough to be the value. The card can be seen by others (a channel, a
// shared screen), and Teams keeps it in the chat history.
import type { FindingType } from "../../review";

const DOT = "•";

/** e.g. "19121212-****", "a•••@e•••.se", "••••", "L. E." (values are listed with " · " between them, so "****" never pairs up as markdown) */
export function maskValue(type: FindingType, raw: string): string {
  const value = raw.trim();
  switch (type) {
    case "PERSONNUMMER":
      return maskPersonnummer(value);
    case "EMAIL":
      return maskEmail(value);
    case "CREDENTIAL":
      return DOT.repeat(4);
    case "PERSON_NAME":
      return initials(value);
    case "PAYMENT_CARD":
      return `${DOT.repeat(4)} ${lastDigits(value, 4)}`;
    case "BANK_ACCOUNT":
      return keepEnds(value.replace(/\s+/g, ""), 4, 2);
    case "PHONE":
      return maskDigits(value, 3, 2);
    case "IP_ADDRESS":
      return maskIp(value);
    case "LICENSE_PLATE":
      return keepEnds(value.replace(/\s+/g, ""), 1, 0);
    case "ADDRESS":
      return wordStarts(value);
    case "HEALTH":
    case "SPECIAL_CATEGORY":
    case "SECRECY":
      // category words ("sjukskriven", "sekretess") say what kind of data it is, not whose:
      // shown so the user can find them, but cut short and with digits hidden (diagnosis codes, OSL paragraphs stay recognisable)
      return shorten(value.replace(/\s+/g, " "), 40);
  }
}

function maskPersonnummer(v: string): string {
  const digits = v.replace(/\D/g, "");
  const sep = v.includes("+") ? "+" : "-";
  // date part kept (it is what tells two people apart on the card), the four last digits hidden
  if (digits.length >= 10) return `${digits.slice(0, digits.length - 4)}${sep}****`;
  return `${digits.slice(0, 2)}****`;
}

function maskEmail(v: string): string {
  const at = v.lastIndexOf("@");
  if (at < 1) return `${v[0] ?? ""}***`;
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : "";
  // bullets, not asterisks: two "***" runs in one line could pair up as markdown emphasis in Teams
  return `${local[0]}${DOT.repeat(3)}@${host[0] ?? ""}${DOT.repeat(3)}${tld}`;
}

/** "Liam Eriksson Haddad" -> "L. E. H."; "anna-karin" -> "A." */
function initials(v: string): string {
  const parts = v.split(/\s+/).filter(Boolean);
  if (parts.length === 0) return DOT.repeat(3);
  return parts
    .slice(0, 4)
    .map((p) => `${(p.match(/\p{L}/u)?.[0] ?? p[0]).toUpperCase()}.`)
    .join(" ");
}

function lastDigits(v: string, n: number): string {
  const d = v.replace(/\D/g, "");
  return d.slice(-n);
}

function keepEnds(v: string, head: number, tail: number): string {
  if (v.length <= head + tail + 2) return `${v.slice(0, 1)}${DOT.repeat(Math.max(3, v.length - 1))}`;
  return `${v.slice(0, head)}${DOT.repeat(Math.min(8, v.length - head - tail))}${tail ? v.slice(-tail) : ""}`;
}

/** every digit hidden except the first `head` and last `tail` digits; separators kept */
function maskDigits(v: string, head: number, tail: number): string {
  const total = (v.match(/\d/g) ?? []).length;
  let i = 0;
  return v.replace(/\d/g, (d) => {
    i++;
    return i <= head || i > total - tail ? d : DOT;
  });
}

function maskIp(v: string): string {
  if (v.includes(":")) return `${v.split(":")[0]}:${DOT.repeat(3)}`;
  const parts = v.split(".");
  return [parts[0], ...parts.slice(1).map(() => DOT)].join(".");
}

/** "Storgatan 12, 123 45 Ankeborg" -> "S••• 1••, 1•• 4•• A•••" */
function wordStarts(v: string): string {
  return v.replace(/[\p{L}\p{N}]+/gu, (w) => `${w[0]}${DOT.repeat(Math.min(3, Math.max(1, w.length - 1)))}`);
}

function shorten(v: string, n: number): string {
  const masked = v.replace(/\d{4,}/g, (d) => `${d.slice(0, 2)}${DOT.repeat(d.length - 2)}`);
  return masked.length > n ? `${masked.slice(0, n - 1)}…` : masked;
}
