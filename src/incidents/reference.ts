// Reference numbers: INC-<year>-XXXX-XXXX, eight Crockford base32 characters (40 bits)
// taken from the report's uuid, so a retried report keeps its reference and no
// counter has to be shared between the outbox and SharePoint. Crockford's alphabet
// has no I, L, O or U: nothing to misread when someone reads it out on the phone.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const REFERENCE_PATTERN = /^(INC|APR)-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function referenceFor(prefix: "INC" | "APR", uuid: string, at: Date): string {
  const hex = uuid.replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error("referenceFor: not a uuid");
  // the last 40 bits of a v4 uuid are random
  let n = BigInt(`0x${hex.slice(-10)}`);
  let s = "";
  for (let i = 0; i < 8; i++) {
    s = ALPHABET[Number(n & 31n)] + s;
    n >>= 5n;
  }
  return `${prefix}-${at.getUTCFullYear()}-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** accepts what people type: lower case, missing dashes, O for 0, I/L for 1 */
export function normaliseReference(input: string): string | undefined {
  const m = /^\s*(inc|apr)-?(\d{4})-?([0-9a-z]{4})-?([0-9a-z]{4})\s*$/i.exec(input);
  if (!m) return undefined;
  const fix = (x: string) => x.toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1");
  const ref = `${m[1].toUpperCase()}-${m[2]}-${fix(m[3])}-${fix(m[4])}`;
  return REFERENCE_PATTERN.test(ref) ? ref : undefined;
}
