// Checksums of the identifiers the reviewer validates.

/** Luhn (mod 10) over a digit string: personnummer (10-digit form), payment cards, bankgiro, plusgiro */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** IBAN lengths per country (SWIFT registry) */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27,
  MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33,
  SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

/** ISO 13616 mod 97 on a compact, uppercase IBAN */
export function ibanValid(iban: string): boolean {
  const len = IBAN_LENGTHS[iban.slice(0, 2)];
  if (!len || iban.length !== len) return false;
  const s = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return false;
  }
  return rem === 1;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Date part of a personnummer/samordningsnummer (YYMMDD of the 10-digit form).
 * Samordningsnummer add 60 to the day; Skatteverket's own test numbers use month 00 and
 * impossible days for unknown birth dates, so those are tolerated when the checksum holds.
 */
export function pnrDateKind(ten: string): "pnr" | "coord" | null {
  const mm = Number(ten.slice(2, 4));
  const dd = Number(ten.slice(4, 6));
  if (mm > 12) return null;
  if (dd >= 60 && dd <= 91) return "coord";
  if (dd < 1 || dd > 31) return null;
  if (mm === 0) return "pnr";
  return dd <= DAYS[mm - 1] ? "pnr" : null;
}

/** mod 11 with weights 1..10 repeating from the right (Swedish bank account rules) */
function mod11Valid(digits: string): boolean {
  let sum = 0, w = 1;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * w;
    w = w === 10 ? 1 : w + 1;
  }
  return digits.length > 0 && sum % 11 === 0;
}

/**
 * Clearing-number ranges and their account rule (Bankgirot, "Bankernas kontonummeruppbyggnad"):
 * 11 = type 1 comment 1 (mod 11 over the clearing's last 3 digits + 7-digit account),
 * 12 = type 1 comment 2 (mod 11 over all 4 + 7), 2 = type 2 mod 10 on a 10-digit account,
 * 22 = Handelsbanken (mod 11 on a 9-digit account).
 */
const CLEARING: ReadonlyArray<readonly [number, number, number]> = [
  [1100, 1199, 11], [1200, 1399, 11], [1400, 2099, 11], [2300, 2399, 12], [2400, 2499, 11], [3000, 3299, 11],
  [3300, 3300, 2], [3301, 3399, 11], [3400, 3409, 11], [3410, 3781, 11], [3782, 3782, 2], [3783, 3999, 11],
  [4000, 4999, 12], [5000, 5999, 11], [6000, 6999, 22], [7000, 7999, 11], [8000, 8999, 2], [9020, 9029, 11],
  [9040, 9049, 12], [9060, 9069, 11], [9070, 9079, 11], [9100, 9109, 12], [9150, 9169, 12], [9170, 9179, 11],
  [9180, 9189, 2], [9190, 9199, 12], [9230, 9239, 12], [9250, 9259, 12], [9260, 9269, 12], [9270, 9279, 11],
  [9280, 9289, 11], [9300, 9349, 2], [9390, 9399, 12], [9400, 9449, 11], [9460, 9469, 11], [9470, 9479, 12],
  [9500, 9549, 2], [9550, 9569, 12], [9570, 9579, 2], [9580, 9589, 11], [9590, 9599, 12], [9630, 9639, 11],
  [9640, 9649, 12], [9650, 9659, 12], [9660, 9669, 12], [9670, 9679, 12], [9680, 9689, 11], [9700, 9709, 12],
  [9710, 9719, 12], [9750, 9759, 12], [9780, 9789, 12], [9880, 9889, 12], [9960, 9969, 2],
];

/**
 * Swedish clearing + account number checked by the bank's own rule. `clearing` is 4 digits
 * (Swedbank's fifth check digit stripped), `account` the digits after it.
 * true / false when the bank is known, null when the clearing number is not.
 */
export function bankAccountValid(clearing: string, account: string): boolean | null {
  const c = Number(clearing);
  let rule = 0;
  for (const [lo, hi, r] of CLEARING) if (c >= lo && c <= hi) { rule = r; break; }
  if (!rule) return null;
  const a = account.replace(/^0+(?=\d{7})/, "");
  switch (rule) {
    case 11: return a.length === 7 && mod11Valid(clearing.slice(1) + a);
    case 12: return a.length === 7 && mod11Valid(clearing + a);
    case 22: return (account.length === 9 || account.length === 8) && mod11Valid(account);
    default: return account.length >= 6 && account.length <= 10 && luhnValid(account);
  }
}

/** Swedbank's 8xxx-x clearing numbers carry a Luhn check digit */
export function swedbankClearingValid(five: string): boolean {
  return five.length === 5 && five[0] === "8" && luhnValid(five);
}
