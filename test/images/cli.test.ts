// `policybot image`: run through commander with captured output.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Command } from "commander";
import { detectProvenance } from "../../src/images";
import { checkImageFile, registerImageCommand } from "../../src/cli/image-command";
import { FIXTURES } from "./fixtures";

async function run(args: string[]): Promise<{ out: string[]; err: string[]; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx = { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l), exitCode: 0 };
  const program = new Command("policybot").exitOverride();
  registerImageCommand(program, ctx);
  await program.parseAsync(["node", "policybot", "image", ...args]);
  return { out, err, code: ctx.exitCode };
}

const real = (n: string) => path.join(FIXTURES, "real", n);

describe("cli: policybot image", function () {
  this.timeout(30_000);
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-image-")); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("prints verdict, generator and evidence per file", async () => {
    const { out, code } = await run(["--lang", "en", real("openai-dalle-chatgpt_c2pa.webp"), real("c2pa-rs_P1000827_no_c2pa.jpg")]);
    const text = out.join("\n");
    assert.equal(code, 0);
    assert.match(text, /openai-dalle-chatgpt_c2pa\.webp: AI-generated \(generator: DALL·E\)/);
    assert.match(text, /trainedAlgorithmicMedia/);
    assert.match(text, /P1000827_no_c2pa\.jpg: origin unknown/);
    assert.match(text, /does not mean the image is not AI-generated/);
  });

  it("--json gives parseable results, and a wrongly named file is judged by its content", async () => {
    const wrong = path.join(tmp, "actually-a-png.jpg");
    fs.copyFileSync(real("sd-a1111_parameters.png"), wrong);
    const empty = path.join(tmp, "empty.png");
    fs.writeFileSync(empty, "");
    const { out, code } = await run(["--json", wrong, empty]);
    const parsed = JSON.parse(out.join("\n")) as Array<{ file: string; verdict: string; format: string; nameMismatch?: boolean; notes: string[] }>;
    assert.equal(code, 0);
    assert.equal(parsed[0].format, "png");
    assert.equal(parsed[0].verdict, "ai");
    assert.equal(parsed[0].nameMismatch, true);
    assert.deepEqual(parsed[1].notes, ["empty-file"]);
  });

  it("a missing file is reported and the exit code is 1", async () => {
    const { out, code } = await run([path.join(tmp, "nope.jpg")]);
    assert.equal(code, 1);
    assert.match(out.join("\n"), /kan inte läsas: ENOENT/);
  });

  it("--label writes a copy with Söderköping's required caption, read back as AI", async () => {
    const target = path.join(tmp, "labelled.jpg");
    const { out, code } = await run(["--policy", "soderkoping", "--label", target, real("microsoft-bing-image-creator_c2pa.jpg")]);
    assert.equal(code, 0);
    const text = out.join("\n");
    assert.match(text, /Denna bild har genererats med hjälp av AI/);
    assert.match(text, /regel Q/);
    assert.match(text, /Märkt kopia skriven/);
    const r = detectProvenance(fs.readFileSync(target));
    assert.equal(r.format, "jpeg");
    assert.equal(r.verdict, "ai");
  });

  it("--label falls back to the neutral caption when the pack has none, and says so", async () => {
    const target = path.join(tmp, "wenell.png");
    const { out } = await run(["--policy", "wenell", "--lang", "en", "--label", target, path.join(FIXTURES, "generated", "ordinary_diagram.png")]);
    assert.match(out.join("\n"), /requires no particular caption; a neutral one is used/);
    assert.ok(fs.statSync(target).size > 0);
  });

  it("--label with several files needs a folder and names the copies after the inputs", async () => {
    const bad = await run(["--label", path.join(tmp, "x.jpg"), real("c2pa-rs_C.jpg"), real("c2pa-rs_CA.jpg")]);
    assert.equal(bad.code, 1);
    const dir = path.join(tmp, "out");
    fs.mkdirSync(dir);
    const ok = await run(["--label", dir, real("c2pa-rs_C.jpg"), real("sd-novelai_text-chunks.png")]);
    assert.equal(ok.code, 0);
    assert.deepEqual(fs.readdirSync(dir).sort(), ["c2pa-rs_C.labelled.jpg", "sd-novelai_text-chunks.labelled.png"]);
  });

  it("an unknown pack is a clear error", async () => {
    const { err, code } = await run(["--policy", "no-such-pack", "--label", path.join(tmp, "y.jpg"), real("c2pa-rs_C.jpg")]);
    assert.equal(code, 1);
    assert.match(err.join("\n"), /no-such-pack/);
  });

  it("checkImageFile refuses files over the size limit without reading them", () => {
    const r = checkImageFile(real("c2pa-rs_C.jpg"), 1000);
    assert.deepEqual(r.notes, ["too-large"]);
    assert.equal(r.format, "jpeg");
  });
});
