// The password keyword is looked for only near "lösen"/"passw"; it must find what a global scan
// of the keyword regex finds, match for match.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { nextPasswordKeyword, detectCredentials } from "../../src/review/detect/credentials";

/** the keyword regex as a plain scan: the reference */
const SCAN = /(?:lösenord\w{0,4}|\w{0,8}-?lösen|password\w{0,2}|passwd|lösen)(?![\wåäö])/gi;

function scanned(t: string): string[] {
  const out: string[] = [];
  SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SCAN.exec(t))) out.push(`${m.index}:${m[0]}`);
  return out;
}

function stepped(t: string): string[] {
  const out: string[] = [];
  let m: RegExpExecArray | null;
  for (let pos = 0; (m = nextPasswordKeyword(t, pos)); pos = m.index + m[0].length) out.push(`${m.index}:${m[0]}`);
  return out;
}

const pieces = ["lösen", "LÖSEN", "Lösenord", "passw", "PassWord", "passwd", "ord", "et", "d", "a", "-", "_", " ", "x1", "ö", "\n", "abcdefgh", "s", "en"];

describe("review/password keyword", () => {
  it("finds the same keyword matches as a scan of the whole text", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join("")),
      (t) => assert.deepEqual(stepped(t), scanned(t))), { numRuns: 3000 });
  });

  it("at most eight word characters and a dash before 'lösen' belong to the keyword", () => {
    assert.deepEqual(stepped("nytt wifiadmin-lösen och abcdefghi-lösen"), ["6:ifiadmin-lösen", "26:bcdefghi-lösen"]);
  });

  it("still finds a password-shaped value after the keyword", () => {
    const t = "Jag har bytt lösenord två gånger, senast till Hjorten#Mars25 i går";
    const found: string[] = [];
    detectCredentials(t, { text: t, add: (_type, s, e) => { found.push(t.slice(s, e)); } });
    assert.ok(found.includes("Hjorten#Mars25"), found.join(","));
  });
});
