// Every regex literal in the modules that read a user's text (chat messages, drafts, attached
// documents, message-action HTML, form fields, commands) must run in time linear in that text.
// recheck proves it from the pattern (automata, or fuzzing with a fixed seed where the pattern
// has lookaround): no wall clock, and /[ \t]+\n/ (10 s on 100,000 spaces) fails here, not in
// production. Regexes built at run time cannot be read from the source, so these modules build
// none, but for the two listed in BUILT, whose inputs the adversarial-input tests cover.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { check, type Diagnostics } from "recheck";

const ROOT = path.resolve(__dirname, "../../..");

const inDir = (dir: string) => fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith(".ts")).map((f) => `${dir}/${f}`);

const FILES = [
  "src/bot/commands.ts",
  "src/bot/approvals/command.ts",
  "src/bot/incidents/detect.ts",
  "src/bot/images/claim.ts",
  ...inDir("src/bot/review"),
  ...inDir("src/documents"),
  ...inDir("src/text"),
  "src/incidents/sanitize.ts",
  "src/incidents/validation.ts",
  "src/approvals/validation.ts",
];

/** modules allowed `new RegExp`: word lists wrapped in word bounds */
const BUILT = new Set([
  "src/bot/incidents/detect.ts", // W(…): run on at most 2,000 characters (soundsLikeIncident)
  "src/bot/images/claim.ts", // word(…), NOUN_SV, VERB: test/text/adversarial-input.test.ts
]);

interface Literal {
  where: string;
  source: string;
  flags: string;
}

function regexesOf(file: string): { literals: Literal[]; built: string[] } {
  const sf = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.ES2022, true);
  const literals: Literal[] = [];
  const built: string[] = [];
  const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = n.getText();
      const end = text.lastIndexOf("/");
      literals.push({ where: at(n), source: text.slice(1, end), flags: text.slice(end + 1) });
    } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.expression.getText() === "RegExp") {
      built.push(at(n));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { literals, built };
}

function explain(d: Diagnostics): string {
  if (d.status === "vulnerable") return `${d.complexity.type} on e.g. ${d.attack.pattern}`;
  if (d.status === "unknown") return `not proven (${d.error.kind})`;
  return d.status;
}

describe("regexes over user text run in linear time (recheck)", function () {
  this.timeout(120_000);

  it("the modules build no regexes at run time (but those in BUILT)", () => {
    for (const file of FILES) {
      const { built } = regexesOf(file);
      if (!BUILT.has(file)) assert.deepEqual(built, [], `${file} builds a regex at run time: write it as a literal so it is checked here`);
    }
  });

  it("every regex literal is safe", async () => {
    const literals = FILES.flatMap((f) => regexesOf(f).literals);
    assert.ok(literals.length > 50, `found ${literals.length} regex literals`);
    const results = await Promise.all(literals.map(async (l) => ({ l, d: await check(l.source, l.flags, { timeout: 30_000, randomSeed: 20251207 }) })));
    const unsafe = results.filter((r) => r.d.status !== "safe");
    assert.deepEqual(unsafe.map(({ l, d }) => `${l.where} /${l.source}/${l.flags}: ${explain(d)}`), []);
  });
});
