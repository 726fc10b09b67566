// Reads and validates policy packs at start-up (synchronous fs is fine here).
// A pack is a folder: policy.md (the text), pack.json (structured facts), faq.json (optional).
// Every citation in facts and faq must resolve to a passage, so nothing the bot
// quotes can drift from the policy text.
import * as fs from "node:fs";
import * as path from "node:path";
import type { z } from "zod";
import { projectRoot } from "../project-root";
import { PackError, type PackIssue } from "./errors";
import { faqFileSchema, packFileSchema, type PackCitation } from "./pack-schema";
import { parsePolicyMarkdown } from "./policy-markdown";
import type { Citation, FaqEntry, Fact, PackFacts, Passage, PolicyPack, Section } from "./types";
import { decisionsFileSchema, normaliseSlot, type DecisionRow, type InfoTerms, type Consequence, type PackScope, type Responsibility, type ToolTerms } from "./decisions/schema";

export const POLICY_FILE = "policy.md";
export const FACTS_FILE = "pack.json";
export const FAQ_FILE = "faq.json";
export const DECISIONS_FILE = "decisions.json";
export const QUESTIONS_FILE = "questions.jsonl";
/** more wordings of what passages answer, from the project's own question sets (scripts/build-synthetic-questions.ts) */
export const SYNTHETIC_QUESTIONS_FILE = "synthetic-questions.jsonl";

export interface LoadOptions {
  /** read synthetic-questions.jsonl (default true; off when rebuilding it) */
  synthetic?: boolean;
}

/** the packs that ship with the product */
export function builtInPolicyDir(): string {
  return path.join(projectRoot(), "policies");
}

/** the directories to load: the built-in packs plus an organisation's own (POLICY_DIR), if set */
export function policyDirs(extraDir?: string): string[] {
  return extraDir && extraDir.trim() ? [builtInPolicyDir(), path.resolve(extraDir)] : [builtInPolicyDir()];
}

/** load one pack folder; throws PackError naming the file and field at fault */
export function loadPack(dir: string, opts: LoadOptions = {}): PolicyPack {
  const absDir = path.resolve(dir);
  const policyFile = path.join(absDir, POLICY_FILE);
  const factsFile = path.join(absDir, FACTS_FILE);
  const faqFile = path.join(absDir, FAQ_FILE);

  if (!isDir(absDir)) throw new PackError("PACK_FILE_MISSING", shown(absDir), { field: "", message: "pack folder does not exist" });
  const factsRaw = parseJson(factsFile, readRequired(factsFile));
  const packFile = validate(factsFile, packFileSchema, factsRaw);

  const folderId = path.basename(absDir);
  if (packFile.id !== folderId) {
    throw new PackError("PACK_ID_MISMATCH", shown(factsFile), { field: "id", message: `"${packFile.id}" must equal the pack's folder name "${folderId}"` });
  }
  const id = packFile.id;

  const { sections } = parsePolicyMarkdown(readRequired(policyFile), id, shown(policyFile));
  const passages = sections.flatMap((s) => s.passages);
  if (passages.length === 0) throw new PackError("PACK_MARKDOWN", shown(policyFile), { field: "", message: "the policy has no passages" });

  const resolver = new CitationResolver(id, sections, shown(factsFile));
  const facts = resolveFacts(packFile.facts, resolver);

  let faq: FaqEntry[] = [];
  if (fs.existsSync(faqFile)) {
    const entries = validate(faqFile, faqFileSchema, parseJson(faqFile, fs.readFileSync(faqFile, "utf8")));
    const faqResolver = new CitationResolver(id, sections, shown(faqFile));
    const seen = new Set<string>();
    faq = entries.map((e, i) => {
      if (seen.has(e.id)) throw new PackError("PACK_DUPLICATE_ID", shown(faqFile), { field: `[${i}].id`, message: `faq id "${e.id}" is used twice` });
      seen.add(e.id);
      return {
        ...e,
        citations: e.citations.map((c, j) => {
          const r = faqResolver.resolve(c, `[${i}].citations[${j}]`);
          return { section: r.section, rule: r.rule, quote: r.quote };
        }),
      };
    });
  }

  readAskedQuestions(path.join(absDir, QUESTIONS_FILE), passages);
  if (opts.synthetic !== false) readAskedQuestions(path.join(absDir, SYNTHETIC_QUESTIONS_FILE), passages);

  const decisionsFile = path.join(absDir, DECISIONS_FILE);
  let decisions: DecisionRow[] = [];
  let decisionTerms: InfoTerms = {};
  let decisionToolTerms: ToolTerms = {};
  let scope: PackScope | undefined;
  let responsibilities: Responsibility[] = [];
  let consequences: Consequence[] = [];
  if (fs.existsSync(decisionsFile)) {
    const table = validate(decisionsFile, decisionsFileSchema, parseJson(decisionsFile, fs.readFileSync(decisionsFile, "utf8")));
    decisionTerms = table.terms ?? {};
    decisionToolTerms = table.toolTerms ?? {};
    const dr = new CitationResolver(id, sections, shown(decisionsFile));
    if (table.scope) scope = { groups: table.scope.groups, citations: table.scope.citations.map((c, j) => dr.resolve(c, `scope.citations[${j}]`)) };
    responsibilities = (table.responsibilities ?? []).map((r, i) => ({
      duty: r.duty,
      roles: r.roles,
      citations: r.citations.map((c, j) => dr.resolve(c, `responsibilities[${i}].citations[${j}]`)),
    }));
    consequences = (table.consequences ?? []).map((c, i) => ({
      kind: c.kind,
      verdict: c.verdict,
      ...(c.condition ? { condition: c.condition } : {}),
      citations: c.citations.map((q, j) => dr.resolve(q, `consequences[${i}].citations[${j}]`)),
    }));
    const seen = new Set<string>();
    decisions = table.decisions.map((row, i) => {
      if (seen.has(row.id)) throw new PackError("PACK_DUPLICATE_ID", shown(decisionsFile), { field: `decisions[${i}].id`, message: `decision id "${row.id}" is used twice` });
      seen.add(row.id);
      const out: DecisionRow = {
        id: row.id,
        ask: row.ask,
        info: normaliseSlot(row.info),
        tool: normaliseSlot(row.tool),
        use: normaliseSlot(row.use),
        duty: normaliseSlot(row.duty),
        verdict: row.verdict,
        citations: row.citations.map((c, j) => dr.resolve(c, `decisions[${i}].citations[${j}]`)),
      };
      if (row.condition) out.condition = row.condition;
      if (row.metBy) out.metBy = row.metBy;
      if (row.alsoUse) out.alsoUse = row.alsoUse;
      return out;
    });
  }

  return { id, dir: absDir, facts, sections, passages, faq, decisions, decisionTerms, decisionToolTerms, responsibilities, consequences, ...(scope ? { scope } : {}) };
}

/**
 * load every pack under each directory (each subfolder is a pack); later directories
 * may not reuse an id from an earlier one. Result sorted by id.
 */
export function loadPacks(dirs: string[], opts: LoadOptions = {}): PolicyPack[] {
  const byId = new Map<string, PolicyPack>();
  for (const dir of dirs) {
    const absDir = path.resolve(dir);
    if (!isDir(absDir)) throw new PackError("PACK_FILE_MISSING", shown(absDir), { field: "", message: "policy directory does not exist" });
    const subdirs = fs
      .readdirSync(absDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith(".") && !d.name.startsWith("_"))
      .map((d) => d.name)
      .sort();
    for (const name of subdirs) {
      const pack = loadPack(path.join(absDir, name), opts);
      const prev = byId.get(pack.id);
      if (prev) {
        throw new PackError("PACK_DUPLICATE_ID", shown(path.join(pack.dir, FACTS_FILE)), {
          field: "id",
          message: `pack id "${pack.id}" is already used by ${shown(prev.dir)}`,
        });
      }
      byId.set(pack.id, pack);
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

// ---- citations ----

class CitationResolver {
  private readonly byHeading: Map<string, Passage[]>;

  constructor(
    private readonly packId: string,
    sections: Section[],
    private readonly file: string,
  ) {
    this.byHeading = new Map(sections.map((s) => [s.heading, s.passages]));
  }

  /** finds the passage a citation points at; rule undefined = any passage of the section */
  resolve(c: { section: string; rule?: string | null; quote: string }, field: string): Citation {
    const passages = this.byHeading.get(c.section);
    if (!passages) {
      throw new PackError("PACK_SECTION_NOT_FOUND", this.file, {
        field: `${field}.section`,
        message: `no section "${c.section}" in the policy${suggest(c.section, [...this.byHeading.keys()])}`,
      });
    }
    const quote = collapse(c.quote);
    let candidates = passages;
    if (c.rule) {
      candidates = passages.filter((p) => p.rule === c.rule);
      if (candidates.length === 0) {
        const rules = passages.filter((p) => p.rule).map((p) => p.rule);
        throw new PackError("PACK_RULE_NOT_FOUND", this.file, {
          field: `${field}.rule`,
          message: `section "${c.section}" has no rule ${c.rule}${rules.length ? ` (it has ${rules.join(", ")})` : " (it has no lettered rules)"}`,
        });
      }
    }
    // a whole-passage quote ("Personuppgifter" as a list item) wins over a substring of a longer one
    const hit = candidates.find((p) => p.text === quote) ?? candidates.find((p) => p.text.includes(quote));
    if (!hit) {
      const elsewhere = passages.find((p) => p.text.includes(quote));
      const hint = elsewhere ? ` (it is in ${elsewhere.rule ? `rule ${elsewhere.rule}` : "a passage without a rule letter"})` : "";
      throw new PackError("PACK_QUOTE_NOT_FOUND", this.file, {
        field: `${field}.quote`,
        message: `"${c.quote}" is not verbatim text of section "${c.section}"${c.rule ? ` rule ${c.rule}` : ""}${hint}`,
      });
    }
    if (c.rule === null && hit.rule !== null) {
      throw new PackError("PACK_QUOTE_NOT_FOUND", this.file, {
        field: `${field}.rule`,
        message: `the quote is in rule ${hit.rule}; set "rule": "${hit.rule}"`,
      });
    }
    return { policy: this.packId, section: hit.section, rule: hit.rule, quote };
  }

  list(cs: PackCitation[], field: string): Citation[] {
    return cs.map((c, i) => this.resolve(c, `${field}[${i}]`));
  }

  fact<T extends { summary: Fact["summary"]; citations: PackCitation[] }>(f: T, field: string): Omit<T, "citations"> & { citations: Citation[] } {
    return { ...f, citations: this.list(f.citations, `${field}.citations`) };
  }
}

function resolveFacts(f: z.infer<typeof packFileSchema>["facts"], r: CitationResolver): PackFacts {
  const out: PackFacts = {
    organisation: f.organisation,
    title: f.title,
    language: f.language,
    contact: f.contact,
    approvals: { aiUse: r.fact(f.approvals.aiUse, "facts.approvals.aiUse") },
    tools: {
      publicAi: r.fact(f.tools.publicAi, "facts.tools.publicAi"),
      copilot: r.fact(f.tools.copilot, "facts.tools.copilot"),
    },
    incidents: { ...r.fact(f.incidents, "facts.incidents"), steps: r.list(f.incidents.steps, "facts.incidents.steps") },
    dataRules: {
      personalData: r.list(f.dataRules.personalData, "facts.dataRules.personalData"),
      specialCategory: r.list(f.dataRules.specialCategory, "facts.dataRules.specialCategory"),
      secrecy: r.list(f.dataRules.secrecy, "facts.dataRules.secrecy"),
      credentials: r.list(f.dataRules.credentials, "facts.dataRules.credentials"),
    },
  };
  if (f.version !== undefined) out.version = f.version;
  if (f.approvals.purchase) out.approvals.purchase = r.fact(f.approvals.purchase, "facts.approvals.purchase");
  if (f.approvals.personalData) out.approvals.personalData = r.fact(f.approvals.personalData, "facts.approvals.personalData");
  if (f.approvals.never) out.approvals.never = f.approvals.never.map((n, i) => ({ infoKinds: n.infoKinds, citations: r.list(n.citations, `facts.approvals.never[${i}].citations`) }));
  if (f.imageLabel) out.imageLabel = { text: f.imageLabel.text, citations: r.list(f.imageLabel.citations, "facts.imageLabel.citations") };
  if (f.imageRules) out.imageRules = r.fact(f.imageRules, "facts.imageRules");
  if (f.dataRules.customerData) out.dataRules.customerData = r.list(f.dataRules.customerData, "facts.dataRules.customerData");
  return out;
}

// ---- files, JSON and schema errors ----

/**
 * questions.jsonl (optional): {"passage": "<id>", "questions": [...]} per line, questions a
 * passage answers, written from the policy text; attached to the passages for search
 */
function readAskedQuestions(file: string, passages: Passage[]): void {
  if (!fs.existsSync(file)) return;
  const byId = new Map(passages.map((p) => [p.id, p]));
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = { field: `line ${i + 1}` };
      let v: { passage?: unknown; questions?: unknown };
      try {
        v = JSON.parse(line) as typeof v;
      } catch {
        throw new PackError("PACK_JSON_SYNTAX", shown(file), { ...where, message: "not JSON" });
      }
      // ids are read without their pack prefix, so a pack copied under another id keeps working
      const ref = typeof v.passage === "string" ? v.passage : "";
      const p = byId.get(`${passages[0].packId}#${ref.slice(ref.indexOf("#") + 1)}`);
      if (!p) throw new PackError("PACK_SCHEMA", shown(file), { ...where, message: `passage ${JSON.stringify(v.passage)} is not a passage id of this pack` });
      if (!Array.isArray(v.questions) || !v.questions.every((q) => typeof q === "string" && q.trim().length > 0 && q.length <= 300)) {
        throw new PackError("PACK_SCHEMA", shown(file), { ...where, message: "questions must be a list of short texts" });
      }
      p.asked = [...(p.asked ?? []), ...(v.questions as string[])];
    });
}

function readRequired(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PackError("PACK_FILE_MISSING", shown(file), {
      field: "",
      message: code === "ENOENT" ? "required file is missing" : `cannot read the file (${code ?? String(e)})`,
    });
  }
}

function parseJson(file: string, textIn: string): unknown {
  const textBody = textIn.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(textBody);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const issue: PackIssue = { field: "", message: `invalid JSON: ${msg}` };
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    if (lc) issue.line = Number(lc[1]);
    else if (pos) {
      const before = textBody.slice(0, Number(pos[1]));
      issue.line = before.split("\n").length;
      issue.message = `invalid JSON at line ${issue.line} column ${before.length - before.lastIndexOf("\n")}: ${msg}`;
    } else if (/end of JSON input/i.test(msg)) {
      issue.line = textBody.split("\n").length;
    }
    throw new PackError("PACK_JSON_SYNTAX", shown(file), issue);
  }
}

function validate<S extends z.ZodType>(file: string, schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((iss) => ({ field: fieldPath(iss.path), message: describe(iss, value) }));
  throw new PackError("PACK_SCHEMA", shown(file), issues);
}

function fieldPath(p: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const k of p) out += typeof k === "number" ? `[${k}]` : out ? `.${String(k)}` : String(k);
  return out;
}

function describe(iss: z.core.$ZodIssue, root: unknown): string {
  const got = valueAt(root, iss.path);
  switch (iss.code) {
    case "invalid_value":
      return `expected one of ${iss.values.map((v) => String(v)).join("|")}, got ${JSON.stringify(got)}`;
    case "invalid_type":
      return got === undefined ? `required ${iss.expected} is missing` : `expected ${iss.expected}, got ${kindOf(got)}`;
    case "unrecognized_keys":
      return `unknown field${iss.keys.length > 1 ? "s" : ""} ${iss.keys.map((k) => `"${k}"`).join(", ")}`;
    default:
      return iss.message;
  }
}

function valueAt(root: unknown, p: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = root;
  for (const k of p) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v === "string" ? `string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}` : typeof v;
}

function suggest(wanted: string, headings: string[]): string {
  const w = wanted.toLowerCase();
  const near = headings.filter((h) => h.toLowerCase().includes(w) || w.includes(h.toLowerCase().replace(/^[\d.]+\s*/, "")));
  return near.length ? `; did you mean ${near.slice(0, 3).map((h) => `"${h}"`).join(" or ")}?` : "";
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** a path as shown in messages: relative to the project root when inside it */
function shown(p: string): string {
  let root: string | undefined;
  try {
    root = projectRoot();
  } catch {
    root = undefined;
  }
  const rel = root ? path.relative(root, p) : "";
  return root && rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : p;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
