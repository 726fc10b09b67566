// `policybot image FILE... [--label OUT] [--policy ID] [--json]`: provenance verdict
// per file, and optionally a labelled copy with the policy pack's caption.
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, Option } from "commander";
import { loadConfig } from "../config";
import { detectProvenance, sniffFormat, type ProvenanceResult } from "../images";
import { makeLabelledCopy } from "../images/labelled-copy";
import { t, type LocaleLang } from "../locales";
import { loadPack, policyDirs, FACTS_FILE } from "../policy/pack-loader";

/** files above this are not read at all: a bound on memory, far above any photo */
export const MAX_IMAGE_FILE_BYTES = 100 * 1024 * 1024;

export interface ImageCommandOptions {
  label?: string;
  policy?: string;
  json?: boolean;
  lang?: LocaleLang;
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface FileReport extends ProvenanceResult {
  file: string;
  /** the file's extension disagrees with its content */
  nameMismatch?: boolean;
}

const EXT_FORMAT: Record<string, string> = {
  jpg: "jpeg", jpeg: "jpeg", jpe: "jpeg", jfif: "jpeg", png: "png", webp: "webp", gif: "gif",
  tif: "tiff", tiff: "tiff", heic: "heif", heif: "heif", avif: "avif", bmp: "bmp",
};

/** reads and checks one file; never throws (an unreadable file is a result with an error) */
export function checkImageFile(file: string, maxBytes = MAX_IMAGE_FILE_BYTES): FileReport {
  let result: ProvenanceResult;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) {
      const head = Buffer.alloc(64);
      const fd = fs.openSync(file, "r");
      try { fs.readSync(fd, head, 0, 64, 0); } finally { fs.closeSync(fd); }
      result = { verdict: "unknown", evidence: [], format: sniffFormat(head), notes: ["too-large"], error: `${size} bytes, limit ${maxBytes}` };
    } else {
      result = detectProvenance(fs.readFileSync(file));
    }
  } catch (err) {
    result = { verdict: "unknown", evidence: [], format: "unknown", notes: [], error: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
    return { file, ...result, error: `read: ${result.error}` };
  }
  const ext = path.extname(file).slice(1).toLowerCase();
  const expected = EXT_FORMAT[ext];
  const report: FileReport = { file, ...result };
  if (expected && result.format !== "unknown" && expected !== result.format) report.nameMismatch = true;
  return report;
}

function formatReport(r: FileReport, lang: LocaleLang): string[] {
  const L = (key: string, vars = {}) => t(lang, "images", key, vars);
  const lines = [`${r.file}: ${L(`verdict.${r.verdict}`)}${r.generator ? ` (${L("cli.generator")}: ${r.generator})` : ""}`];
  const ext = path.extname(r.file).slice(1).toLowerCase();
  lines.push(`  ${L("cli.format")}: ${r.format}${r.nameMismatch ? ` (${L("cli.nameMismatch", { ext, format: r.format })})` : ""}`);
  if (r.evidence.length) {
    lines.push(`  ${L("cli.evidence")}:`);
    for (const e of r.evidence) lines.push(`    [${L(`weight.${e.weight}`)}] ${L(`kind.${e.kind}`)}: ${e.detail}`);
  }
  if (r.error) lines.push(`  ${L("cli.error")}: ${r.error.startsWith("read: ") ? L("cli.readError", { file: r.file, error: r.error.slice(6) }) : r.error}`);
  for (const n of r.notes) lines.push(`  ${L("cli.notes")}: ${L(`note.${n}`, { limit: `${MAX_IMAGE_FILE_BYTES / 1024 / 1024} MB` })}`);
  return lines;
}

interface Caption {
  text: string;
  fromPack: boolean;
  line: string;
}

/** the pack's required caption (facts.imageLabel.text), or the neutral one from the locale file */
function captionFor(packId: string, extraDir: string, lang: LocaleLang): Caption {
  const L = (key: string, vars = {}) => t(lang, "images", key, vars);
  const dir = policyDirs(extraDir).map((d) => path.join(d, packId)).find((d) => fs.existsSync(path.join(d, FACTS_FILE)));
  if (!dir) throw new Error(L("cli.packError", { pack: packId, error: "not found" }));
  const pack = loadPack(dir);
  const label = pack.facts.imageLabel;
  if (label?.text.trim()) {
    const c = label.citations[0];
    const where = c ? [c.section, c.rule ? L("cli.rule", { rule: c.rule }) : ""].filter(Boolean).join(", ") : pack.facts.title;
    return { text: label.text, fromPack: true, line: L("cli.captionFromPack", { organisation: pack.facts.organisation.name, where, caption: label.text }) };
  }
  const text = L("caption.default");
  return { text, fromPack: false, line: L("cli.captionDefault", { pack: packId, caption: text }) };
}

function labelTarget(out: string, file: string, many: boolean, format: string): string {
  if (!many && !(fs.existsSync(out) && fs.statSync(out).isDirectory())) return out;
  const base = path.basename(file, path.extname(file));
  return path.join(out, `${base}.labelled.${format === "jpeg" ? "jpg" : format}`);
}

/** the command's work, with output injected so tests can run it; returns the exit code */
export async function runImageCommand(files: string[], opts: ImageCommandOptions, io: CliIo): Promise<number> {
  const lang: LocaleLang = opts.lang === "en" ? "en" : "sv";
  const L = (key: string, vars = {}) => t(lang, "images", key, vars);
  const config = loadConfig();
  let code = 0;
  const reports = files.map((f) => checkImageFile(f));
  if (reports.some((r) => r.error?.startsWith("read:"))) code = 1;

  if (opts.json) io.out(JSON.stringify(reports, null, 2));
  else for (const r of reports) for (const line of formatReport(r, lang)) io.out(line);

  if (opts.label) {
    const many = files.length > 1;
    if (many && !(fs.existsSync(opts.label) && fs.statSync(opts.label).isDirectory())) {
      io.err(L("cli.labelDirNeeded", { out: opts.label }));
      return 1;
    }
    let caption: Caption;
    const packId = opts.policy ?? config.policy.defaultPack;
    try {
      caption = captionFor(packId, config.policy.extraDir, lang);
    } catch (err) {
      io.err(L("cli.packError", { pack: packId, error: (err as Error).message }));
      return 1;
    }
    // informational lines go to stderr under --json so stdout stays parseable
    const info = opts.json ? io.err : io.out;
    info(caption.line);
    for (const r of reports) {
      if (r.error?.startsWith("read:")) continue;
      try {
        const copy = await makeLabelledCopy(fs.readFileSync(r.file), caption.text);
        const target = labelTarget(opts.label, r.file, many, copy.format);
        fs.writeFileSync(target, copy.data);
        info(L("cli.labelWritten", { out: target, format: copy.format, width: copy.width, height: copy.height }));
        if (copy.converted) info(`  ${L("cli.labelConverted", { from: r.format })}`);
      } catch (err) {
        io.err(L("cli.labelFailed", { file: r.file, error: (err as Error).message }));
        code = 1;
      }
    }
  }
  return code;
}

/** the part of the CLI context (src/cli/context.ts) this command uses, structurally */
export interface ImageCommandContext {
  out(line: string): void;
  err(line: string): void;
  exitCode: number;
}

/**
 * adds `image` to the policybot program (commander 14). With a context, output and
 * the exit code go through it (as main.ts's other commands do); without, to the process.
 */
export function registerImageCommand(program: Command, ctx?: ImageCommandContext): void {
  const lang: LocaleLang = "sv";
  const L = (key: string, vars = {}) => t(lang, "images", key, vars);
  program
    .command("image")
    .description(L("cli.description"))
    .argument("<files...>", L("cli.argFiles"))
    .option("--label <out>", L("cli.optLabel"))
    .option("--policy <id>", L("cli.optPolicy", { pack: "POLICY_PACK" }))
    .option("--json", L("cli.optJson"))
    .addOption(new Option("--lang <lang>", L("cli.optLang")).choices(["sv", "en"]).default("sv"))
    .action(async (files: string[], opts: ImageCommandOptions) => {
      const io: CliIo = ctx
        ? { out: (l) => ctx.out(l), err: (l) => ctx.err(l) }
        : { out: (l) => void process.stdout.write(`${l}\n`), err: (l) => void process.stderr.write(`${l}\n`) };
      const code = await runImageCommand(files, opts, io);
      if (code !== 0) {
        if (ctx) ctx.exitCode = code;
        else process.exitCode = code;
      }
    });
}
