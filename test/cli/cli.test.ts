// The `policybot` command as a real process (bin/policybot.js → dist), per the
// contract in shared/eval/README.md. Needs `npm run build` first (npm test does it).
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";

const root = projectRoot();
const bin = path.join(root, "bin", "policybot.js");

function policybot(args: string[], input = ""): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: "utf8", timeout: 60_000, env: { ...process.env, POLICY_PACK: "soderkoping", POLICY_DIR: "" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const jsonLines = (s: string) => s.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);

describe("cli: policybot", function () {
  before(function () {
    if (!fs.existsSync(path.join(root, "dist", "src", "cli", "main.js"))) this.skip();
  });

  it("stops quietly when its reader closes the pipe early (policybot … | head)", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [bin, "ask", "--jsonl"], { cwd: root, env: { ...process.env, POLICY_DIR: "" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const line = JSON.stringify({ policy: "hjo", question: "Får jag använda ChatGPT?" });
    child.stdin.end(`${Array.from({ length: 400 }, () => line).join("\n")}\n`);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|Unhandled/);
  });

  it("ask --jsonl: one JSON line per input line, in order, errors as JSON lines", () => {
    const input = [
      JSON.stringify({ policy: "hjo", question: "Får jag lägga in personuppgifter i ett AI-verktyg?" }),
      "this is not json",
      JSON.stringify({ policy: "no-such-pack", question: "x" }),
      JSON.stringify({ policy: "wenell" }),
      JSON.stringify({ question: "Hur byter jag däck på en cykel?" }),
      JSON.stringify({ policy: "staffanstorp", question: "Can I put personal data into ChatGPT?" }),
    ].join("\n");
    const r = policybot(["ask", "--jsonl"], `${input}\n`);
    assert.equal(r.status, 0, r.stderr);
    const out = jsonLines(r.stdout);
    assert.equal(out.length, 6);
    assert.ok(Array.isArray(out[0].citations) && (out[0].citations as unknown[]).length > 0);
    assert.equal((out[0].citations as Array<{ policy: string }>)[0].policy, "hjo");
    assert.equal(typeof out[0].answer, "string");
    assert.equal(typeof out[0].confidence, "number");
    assert.match(String(out[1].error), /invalid JSON/);
    assert.match(String(out[2].error), /unknown policy pack/);
    assert.match(String(out[3].error), /question/);
    assert.deepEqual(out[4].citations, []); // default pack from POLICY_PACK; off-topic
    assert.equal((out[5].citations as Array<{ policy: string }>)[0].policy, "staffanstorp");
    assert.match(r.stderr, /line 2/);
    assert.match(r.stderr, /line 3/);
  });

  it("ask --jsonl streams a large batch", () => {
    const line = JSON.stringify({ policy: "dalsland", question: "Får jag använda ChatGPT?" });
    const r = policybot(["ask", "--jsonl"], `${Array(300).fill(line).join("\n")}\n`);
    assert.equal(r.status, 0);
    assert.equal(jsonLines(r.stdout).length, 300);
  });

  it("review --jsonl: the contract's shape, one line per line, errors as JSON", () => {
    const input = [JSON.stringify({ text: "Hej, mötet flyttas till tisdag." }), "{", JSON.stringify({ text: "x", policy: "nope" }), JSON.stringify({ text: "Ok", policy: "hjo" })].join("\n");
    const r = policybot(["review", "--jsonl"], `${input}\n`);
    assert.equal(r.status, 0, r.stderr);
    const out = jsonLines(r.stdout);
    assert.equal(out.length, 4);
    assert.ok(["ok", "warn", "block"].includes(String(out[0].verdict)));
    assert.ok(Array.isArray(out[0].findings));
    assert.equal(typeof out[0].redacted, "string");
    assert.match(String(out[1].error), /invalid JSON/);
    assert.match(String(out[2].error), /unknown policy pack/);
    assert.ok(out[3].verdict);
  });

  it("ask: friendly single question prints the answer and its sources", () => {
    const r = policybot(["ask", "--policy", "soderkoping", "Får jag använda ChatGPT i mitt arbete?"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Källor:/);
    assert.match(r.stdout, /regel [A-Y]/);
  });

  it("ask --json prints the contract object", () => {
    const r = policybot(["ask", "--json", "--policy", "wenell", "How do I fix a flat bicycle tyre?"]);
    const a = JSON.parse(r.stdout) as { citations: unknown[]; answer: string };
    assert.deepEqual(a.citations, []);
    assert.match(a.answer, /does not cover/);
  });

  it("review: friendly mode shows the draft, the verdict and findings (no colours when piped)", () => {
    const r = policybot(["review", "--policy", "hjo"], "Sammanfatta protokollet från mötet.");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Sammanfatta protokollet från mötet\./);
    assert.match(r.stdout, /Bedömning:/);
    assert.doesNotMatch(r.stdout, /\u001b\[/);
  });

  it("ask without a question exits 2 with a hint on stderr", () => {
    const r = policybot(["ask"]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /policybot ask/);
  });
});
