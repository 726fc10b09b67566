// policy.md -> sections of quotable passages. Pure: the caller reads the file.
//
// The format (see policies/README.md): "# Title" first; flat "## heading" sections;
// blank-line separated paragraphs; lettered rules "**D.** text"; list items "- item"
// (nested with two more spaces); "<!-- alt: ... -->" right after a passage holds
// search-only wording; other HTML comments are editorial notes and ignored.
import { PackError, type PackIssue } from "./errors";
import type { Passage, Section } from "./types";

export interface ParsedPolicy {
  title: string;
  sections: Section[];
}

const RULE_RE = /^\*\*([A-ZÅÄÖ][0-9]?)\.\*\*\s+(.*)$/;
const LIST_RE = /^( *)[-*+] +(.*)$/;
const HEADING_RE = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

interface Block {
  kind: "paragraph" | "rule" | "item";
  rule: string | null;
  lines: string[];
  line: number;
  /** list nesting depth (0 = top level) */
  depth: number;
  alt: string[];
}

export function parsePolicyMarkdown(md: string, packId: string, file: string): ParsedPolicy {
  const lines = md.replace(/^\uFEFF/, "").split(/\r?\n/);
  const issues: PackIssue[] = [];
  const fail = (line: number, message: string) => issues.push({ field: "", line, message });

  let title = "";
  // raw sections: heading + blocks in order
  const raw: Array<{ heading: string; line: number; blocks: Block[] }> = [];
  let current: Block | null = null;
  let i = 0;

  const closeBlock = () => {
    current = null;
  };
  const section = () => {
    if (raw.length === 0) {
      // text before the first "##" belongs under the document's title
      raw.push({ heading: title, line: 1, blocks: [] });
    }
    return raw[raw.length - 1];
  };
  const lastBlock = (): Block | undefined => {
    const s = raw[raw.length - 1];
    return s?.blocks[s.blocks.length - 1];
  };

  for (; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i];
    const trimmed = line.trim();

    // HTML comments, possibly spanning lines
    if (trimmed.startsWith("<!--")) {
      let body = trimmed;
      const start = lineNo;
      while (!body.includes("-->") && i + 1 < lines.length) {
        i++;
        body += "\n" + lines[i];
      }
      if (!body.includes("-->")) {
        fail(start, "HTML comment is not closed with -->");
        break;
      }
      const after = body.slice(body.indexOf("-->") + 3).trim();
      if (after) fail(start, "text after a comment on the same line; put it on its own line");
      const inner = body.slice(4, body.indexOf("-->")).trim();
      const alt = /^alt\s*:\s*([\s\S]*)$/i.exec(inner);
      if (alt) {
        const target = lastBlock();
        if (!target) fail(start, "<!-- alt: --> must follow a paragraph, rule or list item");
        else target.alt.push(collapse(alt[1]));
      }
      closeBlock();
      continue;
    }

    if (trimmed === "") {
      closeBlock();
      continue;
    }

    const h = HEADING_RE.exec(trimmed);
    if (h && !line.startsWith(" ")) {
      closeBlock();
      const level = h[1].length;
      const text = cleanInline(h[2]);
      if (level === 1) {
        if (title) fail(lineNo, `only one "# Title" is allowed (already "${title}")`);
        else if (raw.length > 0) fail(lineNo, `"# Title" must come before any section`);
        else title = text;
      } else if (level === 2) {
        if (!title) fail(lineNo, `the file must start with "# Title"`);
        if (!text) fail(lineNo, "empty section heading");
        raw.push({ heading: text, line: lineNo, blocks: [] });
      } else {
        fail(lineNo, `sections are flat: write "## ${text}" instead of "${h[1]} ${text}"`);
      }
      continue;
    }

    if (!title) {
      fail(lineNo, `the file must start with "# Title"`);
      title = "(untitled)";
    }

    const li = LIST_RE.exec(line);
    if (li) {
      const depth = Math.floor(li[1].length / 2);
      current = { kind: "item", rule: null, lines: [li[2]], line: lineNo, depth, alt: [] };
      section().blocks.push(current);
      continue;
    }

    if (current) {
      // a wrapped line continues the open paragraph, rule or list item
      (current as Block).lines.push(trimmed);
      continue;
    }

    const r = RULE_RE.exec(trimmed);
    current = r
      ? { kind: "rule", rule: r[1], lines: [r[2]], line: lineNo, depth: 0, alt: [] }
      : { kind: "paragraph", rule: null, lines: [trimmed], line: lineNo, depth: 0, alt: [] };
    section().blocks.push(current);
  }

  if (!title) fail(1, `the file must start with "# Title"`);

  // headings must be unique: citations name sections by heading
  const seenHeading = new Map<string, number>();
  for (const s of raw) {
    const prev = seenHeading.get(s.heading);
    if (prev !== undefined) fail(s.line, `section "${s.heading}" appears twice (first on line ${prev}); headings must be unique`);
    else seenHeading.set(s.heading, s.line);
  }

  const sections: Section[] = [];
  const usedKeys = new Set<string>();
  const seenRule = new Map<string, number>();
  for (const s of raw) {
    let key = sectionKey(s.heading);
    for (let n = 2; usedKeys.has(key); n++) key = `${sectionKey(s.heading)}-${n}`;
    usedKeys.add(key);

    const passages: Passage[] = [];
    let leadIn: string | undefined; // a paragraph ending in ':' right before a list
    let leadInId: string | undefined;
    const parents: string[] = []; // open list items by depth, for nested lead-ins
    let pn = 0;
    for (const b of s.blocks) {
      const text = cleanInline(joinLines(b.lines));
      if (!text) {
        fail(b.line, "empty passage");
        continue;
      }
      if (b.rule) {
        const prev = seenRule.get(b.rule);
        if (prev !== undefined) fail(b.line, `rule ${b.rule} appears twice (first on line ${prev})`);
        seenRule.set(b.rule, b.line);
      }
      const context: string[] = [];
      const id = `${packId}#${key}#${b.rule ?? `p${++pn}`}`;
      let itemOf: string | undefined;
      if (b.kind === "item") {
        itemOf = leadInId;
        parents.length = b.depth;
        if (leadIn) context.push(leadIn);
        for (const p of parents) if (p && /:\s*$/.test(p)) context.push(p);
        parents[b.depth] = text;
      } else {
        parents.length = 0;
        leadIn = b.kind === "paragraph" && /:\s*$/.test(text) ? text : undefined;
        leadInId = leadIn ? id : undefined;
      }
      context.push(...b.alt);
      const passage: Passage = { id, packId, section: s.heading, rule: b.rule, text };
      if (context.length) passage.context = context.join(" ");
      if (itemOf) passage.leadIn = itemOf;
      passages.push(passage);
    }
    sections.push({ heading: s.heading, passages });
  }

  if (issues.length) throw new PackError("PACK_MARKDOWN", file, issues);
  return { title, sections };
}

/** "3.1 Personuppgifter" -> "3.1", "1. Inledning" -> "1", "Sekretess" -> "sekretess" */
export function sectionKey(heading: string): string {
  const num = /^(\d+(?:\.\d+)*)\.?(?:\s|$)/.exec(heading);
  if (num) return num[1];
  return slug(heading) || "section";
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** join wrapped lines with a space (hyphenation is repaired in the file itself, not guessed here) */
function joinLines(lines: string[]): string {
  return collapse(lines.join(" "));
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** strip the little inline Markdown a policy may use, so quotes are plain text */
function cleanInline(s: string): string {
  return collapse(
    s
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // [text](url) -> text
      .replace(/\*\*(.+?)\*\*/g, "$1")
      .replace(/__(.+?)__/g, "$1")
      .replace(/(^|[\s(])\*(\S(?:[^*]*\S)?)\*(?=$|[\s).,:;!?])/g, "$1$2")
      .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1"),
  );
}
