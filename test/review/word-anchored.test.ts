import assert from "node:assert/strict";
import fc from "fast-check";
import { tokenize, triggersOf, TRIGGER } from "../../src/review/text";
import { detectAddresses } from "../../src/review/detect/address";
import { detectPlates } from "../../src/review/detect/plate";
import { detectIban } from "../../src/review/detect/finance";
import { detectCredentials } from "../../src/review/detect/credentials";
import { detectAll } from "../../src/review/engine";
import type { Sink } from "../../src/review/detect/types";

type Detector = (text: string, sink: Sink, words?: ReturnType<typeof tokenize>) => void;

function run(d: Detector, text: string, withWords: boolean): string[] {
  const out: string[] = [];
  const sink: Sink = { text, add: (type, start, end, conf, reason) => { out.push(`${type} ${start}-${end} ${conf} ${reason}`); } };
  d(text, sink, withWords ? tokenize(text) : undefined);
  return out;
}

// pieces of addresses, plates, IBANs and look-alikes, glued with and without spaces
const PIECES = ["48", "12B", "123456", " ", "  ", "\n", ",", ".", "Wharf", "Road", "Baker", "Street", "St", "London", "N1 7UX",
  "Storgatan", "Ringvägen", "Karl Johans väg 3", "14", "614 33", "Söderköping", "lgh 1102", "Box 17, 711 21 Lindesberg", "Norra",
  "ABC", "ABC 123", "XYZ 45A", "d'", "X-", "bilen", "car", "SE73", "5005", "SE73 5005 4052 5736 2672 8495", "GB82 WEST 1234 5698 7654 32",
  "DE89370400440532013000", "Å", "ÅSE73", "'", "-", "1", "NY 10001", "Park", "Hill", "O’", "é", "Oak", "Lane"];
const draft = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.boolean()), { maxLength: 14 })
  .map((ps) => ps.map(([p, space]) => (space ? p + " " : p)).join(""));

describe("review detectors anchored on words", () => {
  for (const [name, d] of [["addresses", detectAddresses], ["plates", detectPlates], ["IBAN", detectIban]] as const) {
    it(`${name}: trying only the places next to words finds what a scan of the whole text finds`, () => {
      fc.assert(fc.property(draft, (text) => {
        assert.deepEqual(run(d, text, true), run(d, text, false));
      }), { numRuns: 3000 });
    });
  }

  it("still finds addresses, plates and IBANs in a draft", () => {
    const text = "Bo på Ringvägen 14 B, 614 33 Söderköping eller 48 Wharf Road, London N1 7UX. Bilen ABC 123. IBAN SE73 5005 4052 5736 2672 8495.";
    const types = detectAll(text).map((f) => `${f.type}:${text.slice(f.start, f.end)}`);
    assert.ok(types.includes("ADDRESS:Ringvägen 14 B, 614 33 Söderköping"), types.join(" | "));
    assert.ok(types.some((t) => t.startsWith("ADDRESS:48 Wharf Road")), types.join(" | "));
    assert.ok(types.includes("LICENSE_PLATE:ABC 123"), types.join(" | "));
    assert.ok(types.includes("BANK_ACCOUNT:SE73 5005 4052 5736 2672 8495"), types.join(" | "));
  });
});

describe("review keyword and token gates", () => {
  it("'pin' inside a word (Norrköping) is no password keyword, 'pin:' and 'PIN-kod' are", () => {
    assert.equal(triggersOf("Vi ses i Norrköping och Söderköping") & TRIGGER.PASSWORD, 0);
    assert.notEqual(triggersOf("pin: 4455") & TRIGGER.PASSWORD, 0);
    assert.notEqual(triggersOf("Din PIN-kod är 4455") & TRIGGER.PASSWORD, 0);
    assert.notEqual(triggersOf("LÖSENORDET är Sommar2024!") & TRIGGER.PASSWORD, 0);
  });

  it("finds key-value secrets with or without a long Swedish compound elsewhere in the draft", () => {
    for (const extra of ["", " Ekonomiavdelningen skickar vinterväghållningsrapporten."]) {
      for (const text of [`token: abc12345xy${extra}`, `secret: correcthorsebatterystaple${extra}`, `apikey: qwertyuiopasdfghjk${extra}`]) {
        assert.ok(run((t, sink) => detectCredentials(t, sink), text, false).some((f) => f.startsWith("CREDENTIAL")), text);
      }
    }
  });
});
