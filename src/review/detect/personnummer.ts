// Personnummer and samordningsnummer: 10 or 12 digits, with or without '-', '+' (100+) or a space.
import { luhnValid, pnrDateKind } from "../checksums";
import { before } from "../text";
import type { Sink } from "./types";
import type { DigitRuns } from "./digits";

const CANDIDATE = /(?<!\d)(\d{8}|\d{6})([-+\u2013 ]?)(\d{4})(?!\d)/g;
/** labels that make even a checksum-broken number a personnummer */
const STRONG = /(?:personnummer|personnr|pers\.?\s?nr|p-?nr|pnr|samordningsnummer|samordningsnr|personal identity|personal number|swedish id|födelsenummer|social security|född|born)[^\n\d]{0,25}$/;
/** labels of other numbers of the same shape */
const NEGATIVE = /(?:order|faktura|invoice|artikel|art\.|referens|ref\.?|tracking|kund|ocr|dnr|diarie|org\.?\s?nr|organisationsnummer|momsreg|ärende|best\.?|beställnings|serie|lopnr|löpnr|konto|bankgiro|plusgiro|iban|tel|telefon|mobil|phone)[a-zåäö.]*[^\n\d]{0,6}$/;

const ORG_NUMBER = /^(?:org\.?\s?nr|organisationsnummer)/;
const CANDIDATE_AT = new RegExp(CANDIDATE.source, "y");
/** Swedish mobile numbers open with 070, 072, 073, 076, 079 */
const MOBILE_PREFIX = /^07[02369]/;
const PHONE_WORD = /(?:tel|tfn|telefon|mobil\w*|mobile|phone|ring\w*|sms|call)\.?:?[^\n\d]{0,12}$/;

/**
 * `runs`: the draft's digit runs, when the caller has them. A candidate starts a run of 6 or 8
 * digits (a separator follows) or of 10 or 12 (none does), so only those runs are tried.
 */
export function detectPersonnummer(text: string, sink: Sink, runs?: DigitRuns): void {
  let m: RegExpExecArray | null;
  if (!runs) {
    CANDIDATE.lastIndex = 0;
    while ((m = CANDIDATE.exec(text))) CANDIDATE.lastIndex = pnrAt(text, sink, m);
    return;
  }
  let from = 0;
  for (let k = 0; k < runs.n; k++) {
    const s = runs.s[k], len = runs.e[k] - s;
    if (s < from || (len !== 6 && len !== 8 && len !== 10 && len !== 12)) continue;
    CANDIDATE_AT.lastIndex = s;
    if ((m = CANDIDATE_AT.exec(text))) from = pnrAt(text, sink, m);
  }
}

/** checks the candidate CANDIDATE matched; returns where the scan goes on */
function pnrAt(text: string, sink: Sink, m: RegExpExecArray): number {
  const end = m.index + m[0].length;
  const [all, head, sep, tail] = m;
  if (head.length === 8) {
    const cc = head.slice(0, 2);
    if (cc !== "18" && cc !== "19" && cc !== "20") {
      // maybe the last 6 digits of the head are the date: rescan from there
      return m.index + 1;
    }
  }
  const ten = head.slice(-6) + tail;
  const kind = pnrDateKind(ten);
  const ctx = before(text, m.index, 40);
  const strong = STRONG.test(ctx);
  const luhn = luhnValid(ten);
  if (!kind) return end;
  // "19870402 5561": a 12-digit number with a space is a personnummer after its label, or when its check digit holds
  if (sep === " " && head.length === 8 && !strong && (!luhn || NEGATIVE.test(before(text, m.index, 30)))) return end;
  if (!luhn) {
    if (strong) {
      sink.add("PERSONNUMMER", m.index, m.index + all.length, 0.75, "labelled as personnummer (checksum does not match)");
    } else if ((sep === "-" || sep === "+") && !NEGATIVE.test(before(text, m.index, 30))) {
      // "19850612-1234" with a broken check digit and no label: too weak to block on, but it is
      // written the way a personnummer is, so the redacted copy does not keep it
      sink.add("PERSONNUMMER", m.index, m.index + all.length, 0.5, "written like a personnummer (checksum does not match)");
    }
    return end;
  }
  // an organisation number that is a valid date of birth with its check digit is a sole trader's
  // personnummer (a company's has 20 or more in the month's place, so it never reads as a date)
  const negative = strong ? null : NEGATIVE.exec(before(text, m.index, 30));
  if (negative && ORG_NUMBER.test(negative[0]) && kind === "pnr") {
    sink.add("PERSONNUMMER", m.index, m.index + all.length, 0.9, "organisation number of a sole trader (the owner's personnummer)");
    return end;
  }
  if (negative) return end;
  // "ring mig på 0702238841": a mobile number that happens to read as a date in 2007 (the phone detector takes it)
  if (!strong && !sep && head.length === 6 && MOBILE_PREFIX.test(head) && PHONE_WORD.test(before(text, m.index, 30))) return end;
  let conf = strong ? 0.99 : sep || head.length === 8 ? 0.95 : 0.9;
  if (sep === " " && !strong) conf = head.length === 8 ? 0.8 : 0.85;
  sink.add("PERSONNUMMER", m.index, m.index + all.length, conf,
    kind === "coord" ? "samordningsnummer with valid checksum" : "personnummer with valid checksum");
  return end;
}
