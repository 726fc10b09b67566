// Personnummer and samordningsnummer: 10 or 12 digits, with or without '-', '+' (100+) or a space.
import { luhnValid, pnrDateKind } from "../checksums";
import { before } from "../text";
import type { Sink } from "./types";

const CANDIDATE = /(?<!\d)(\d{8}|\d{6})([-+\u2013 ]?)(\d{4})(?!\d)/g;
/** labels that make even a checksum-broken number a personnummer */
const STRONG = /(?:personnummer|personnr|pers\.?\s?nr|p-?nr|pnr|samordningsnummer|samordningsnr|personal identity|personal number|swedish id|födelsenummer|social security)[^\n\d]{0,25}$/;
/** labels of other numbers of the same shape */
const NEGATIVE = /(?:order|faktura|invoice|artikel|art\.|referens|ref\.?|tracking|kund|ocr|dnr|diarie|org\.?\s?nr|organisationsnummer|momsreg|ärende|best\.?|beställnings|serie|lopnr|löpnr|konto|bankgiro|plusgiro|iban|tel|telefon|mobil|phone)[a-zåäö.]*[^\n\d]{0,6}$/;

export function detectPersonnummer(text: string, sink: Sink): void {
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text))) {
    const [all, head, sep, tail] = m;
    if (head.length === 8) {
      const cc = head.slice(0, 2);
      if (cc !== "18" && cc !== "19" && cc !== "20") {
        // maybe the last 6 digits of the head are the date: rescan from there
        CANDIDATE.lastIndex = m.index + 1;
        continue;
      }
    }
    // a space separator only joins a 6-digit head (a 12-digit number is written with '-' or nothing)
    if (sep === " " && head.length === 8) continue;
    const ten = head.slice(-6) + tail;
    const kind = pnrDateKind(ten);
    const ctx = before(text, m.index, 40);
    const strong = STRONG.test(ctx);
    const luhn = luhnValid(ten);
    if (!kind) continue;
    if (!luhn) {
      if (!strong) continue;
      sink.add("PERSONNUMMER", m.index, m.index + all.length, 0.75, "labelled as personnummer (checksum does not match)");
      continue;
    }
    if (!strong && NEGATIVE.test(before(text, m.index, 30))) continue;
    let conf = strong ? 0.99 : sep || head.length === 8 ? 0.95 : 0.9;
    if (sep === " " && !strong) conf = 0.85;
    sink.add("PERSONNUMMER", m.index, m.index + all.length, conf,
      kind === "coord" ? "samordningsnummer with valid checksum" : "personnummer with valid checksum");
  }
}
