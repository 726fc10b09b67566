// The draft checker: the review engine runs here, in the page. Findings are highlighted in a
// layer behind the text box (only the blocks a keystroke changed are redrawn), grouped with
// why each kind must go and the pack's rules it breaks (the bot's card text), and one button
// copies the redacted text. The placeholder mapping lives in this closure only: nothing is
// sent, stored or logged. Each update is measured as the performance entry "policybot:highlight".
import { restore, type Finding, type FindingType } from "../../review";
import { blocksOf, BlockReviewer, type DraftReview } from "./draft-review";
import { fill, h, lookup, notice } from "./dom";
import type { PageData } from "./main";

/** most serious first, as on the bot's card */
const TYPE_ORDER: FindingType[] = [
  "PERSONNUMMER", "CREDENTIAL", "PAYMENT_CARD", "BANK_ACCOUNT", "HEALTH", "SPECIAL_CATEGORY", "SECRECY",
  "PERSON_NAME", "EMAIL", "PHONE", "ADDRESS", "IP_ADDRESS", "LICENSE_PLATE",
];
const DEBOUNCE_MS = 60;

interface Segment {
  text: string;
  /** the block's findings, relative to its start */
  findings: Finding[];
  key: string;
}

export function mountChecker(root: HTMLElement, d: PageData): void {
  const k = (key: string, vars?: Record<string, string | number>) => fill(lookup(d.text.tab, `checker.${key}`), vars);
  const reviewer = new BlockReviewer();
  let current: DraftReview | undefined;
  let segments: Segment[] = [];
  let panelKey = "";

  const highlights = h("div", { class: "highlights" });
  const backdrop = h("div", { class: "backdrop", "aria-hidden": "true" }, highlights);
  const draft = h("textarea", { id: "draft", spellcheck: "false", placeholder: k("placeholder"), "aria-describedby": "checker-intro" });
  const panel = h("div", { class: "findings", id: "findings", "aria-live": "polite" });
  const copyBox = h("textarea", { id: "redacted", class: "copy-box", readonly: true, rows: 4, "aria-label": k("redactedLabel") });
  const copyButton = h("button", { type: "button", class: "primary", id: "copy", disabled: true }, k("copy"));
  const answer = h("textarea", { id: "copilot-answer", rows: 4 });
  const restored = h("output", { id: "restored", class: "restored", for: "copilot-answer" });

  root.append(
    h("p", { id: "checker-intro", class: "intro" }, k("intro")),
    h("div", { class: "checker" },
      h("div", { class: "editor" }, h("label", { for: "draft" }, k("label")), h("div", { class: "field" }, backdrop, draft)),
      h("section", { class: "side", "aria-labelledby": "findings-heading" }, h("h2", { id: "findings-heading" }, k("findingsHeading")), panel),
    ),
    h("div", { class: "actions" }, copyButton),
    h("details", { class: "redacted" }, h("summary", {}, k("redactedLabel")), copyBox),
    h("section", { class: "restore", "aria-labelledby": "restore-heading" },
      h("h2", { id: "restore-heading" }, k("restoreHeading")),
      h("p", { class: "hint" }, k("restoreHint")),
      h("label", { for: "copilot-answer" }, k("restoreLabel")),
      answer,
      h("div", { class: "actions" }, h("button", { type: "button", id: "restore", onclick: () => (restored.textContent = restore(answer.value, current?.mapping ?? {})) }, k("restoreButton"))),
      h("p", { class: "label" }, k("restoredLabel")),
      restored,
    ),
  );

  const update = () => {
    performance.mark("policybot:highlight:start");
    const text = draft.value;
    current = reviewer.review(text, d.pack.dataRules);
    drawHighlights(text, current.findings);
    drawPanel(current);
    copyButton.disabled = current.findings.length === 0;
    if (copyBox.closest("details")?.open) copyBox.value = current.redacted;
    performance.measure("policybot:highlight", "policybot:highlight:start");
  };

  const drawHighlights = (text: string, findings: Finding[]) => {
    const blocks = blocksOf(text);
    const next: Segment[] = [];
    let fi = 0;
    for (let i = 0; i < blocks.length; i++) {
      const start = blocks[i].start;
      const end = i + 1 < blocks.length ? blocks[i + 1].start : text.length;
      const own: Finding[] = [];
      while (fi < findings.length && findings[fi].start < end) {
        const f = findings[fi++];
        own.push({ ...f, start: f.start - start, end: f.end - start });
      }
      next.push({ text: text.slice(start, end), findings: own, key: own.map((f) => `${f.type}:${f.start}:${f.end}`).join(",") });
    }
    // only the changed run of blocks is redrawn: common head and tail stay in the DOM
    let head = 0;
    while (head < next.length && head < segments.length && same(next[head], segments[head])) head++;
    let tail = 0;
    while (tail < next.length - head && tail < segments.length - head && same(next[next.length - 1 - tail], segments[segments.length - 1 - tail])) tail++;
    const nodes = highlights.children;
    for (let i = segments.length - tail - 1; i >= head; i--) nodes[i].remove();
    const before = nodes[head] ?? null;
    const frag = document.createDocumentFragment();
    for (let i = head; i < next.length - tail; i++) frag.append(segmentNode(next[i]));
    highlights.insertBefore(frag, before);
    segments = next;
  };

  // a block of its own per paragraph: a keystroke lays out that block again, not the whole draft
  const segmentNode = (s: Segment): HTMLElement => {
    const span = h("div");
    let at = 0;
    for (const f of s.findings) {
      if (f.start > at) span.append(s.text.slice(at, f.start));
      span.append(h("mark", { class: `f-${f.type}` }, s.text.slice(f.start, f.end)));
      at = f.end;
    }
    span.append(s.text.slice(at));
    return span;
  };

  const drawPanel = (r: DraftReview) => {
    const counts = new Map<FindingType, number>();
    for (const f of r.findings) counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
    const key = `${r.verdict}|${[...counts].map(([t, n]) => `${t}${n}`).join(",")}`;
    if (key === panelKey) return;
    panelKey = key;
    panel.replaceChildren();
    if (!draft.value.trim()) {
      panel.append(h("p", { class: "hint" }, k("empty")));
      return;
    }
    panel.append(
      h("div", { class: `verdict ${r.verdict}`, role: "status" },
        h("strong", {}, lookup(d.text.verdictLabel, r.verdict)),
        h("span", {}, lookup(d.text.verdict, r.verdict)),
      ),
    );
    if (r.findings.length) panel.append(h("p", { class: "count" }, r.findings.length === 1 ? k("findingsCountOne") : k("findingsCount", { count: r.findings.length })));
    const list = h("ul", { class: "groups" });
    // each rule once, with the kinds of finding that break it (as the bot's card lists them)
    const rules = new Map<string, { quote: string; ref: string; types: FindingType[] }>();
    for (const type of TYPE_ORDER) {
      const n = counts.get(type);
      if (!n) continue;
      for (const c of r.rules[type] ?? []) {
        const key = `${c.policy}\u0000${c.section}\u0000${c.rule ?? ""}\u0000${c.quote}`;
        const seen = rules.get(key) ?? { quote: c.quote, ref: c.rule ? k("ruleRef", { section: c.section, rule: c.rule }) : c.section, types: [] };
        seen.types.push(type);
        rules.set(key, seen);
      }
      list.append(
        h("li", { class: `group f-${type}`, "data-type": type },
          h("div", { class: "group-head" }, h("span", { class: "swatch", "aria-hidden": "true" }), h("strong", {}, lookup(d.text.types, type)), h("span", { class: "n" }, `(${n})`)),
          h("p", { class: "why" }, lookup(d.text.why, type), " ", h("button", { type: "button", class: "link", onclick: () => show(type) }, k("at"))),
        ),
      );
    }
    panel.append(list);
    if (rules.size) {
      panel.append(
        h("h3", { class: "rules-heading" }, k("rulesHeading")),
        h("ul", { class: "rules" }, ...[...rules.values()].map((x) =>
          h("li", {}, h("blockquote", {}, x.quote), h("cite", {}, x.ref, " · ", fill(d.text.appliesTo, { types: x.types.map((t) => lookup(d.text.types, t)).join(", ") }))))),
      );
    }
  };

  /** selects the next finding of a type in the text box */
  const show = (type: FindingType) => {
    if (!current) return;
    const pos = draft.selectionEnd;
    const of = current.findings.filter((f) => f.type === type);
    const f = of.find((x) => x.start >= pos) ?? of[0];
    if (!f) return;
    draft.focus();
    draft.setSelectionRange(f.start, f.end);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  draft.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  });
  draft.addEventListener("scroll", () => {
    backdrop.scrollTop = draft.scrollTop;
    backdrop.scrollLeft = draft.scrollLeft;
  });
  copyBox.closest("details")?.addEventListener("toggle", () => (copyBox.value = current?.redacted ?? ""));
  copyButton.addEventListener("click", async () => {
    const text = current?.redacted ?? "";
    copyBox.value = text;
    try {
      await navigator.clipboard.writeText(text);
      notice(k("copied"));
    } catch {
      // a host that withholds the clipboard permission: the selected box and the old command
      (copyBox.closest("details") as HTMLDetailsElement).open = true;
      copyBox.select();
      notice(document.execCommand("copy") ? k("copied") : k("copyFailed"), "info");
    }
  });
  update();
}

function same(a: Segment, b: Segment): boolean {
  return a.text === b.text && a.key === b.key;
}
