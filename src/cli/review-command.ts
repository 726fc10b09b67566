// `policybot review`: a draft (argument or stdin, friendly) or a JSON Lines batch (--jsonl).
// Drafts are never logged or stored: they pass from stdin to reviewDraft to stdout.
import type { Command } from "commander";
import { z } from "zod";
import { t } from "../locales";
import { reviewDraft } from "../review";
import type { ReviewResult } from "../review/types";
import type { PolicyLibrary, PolicyPack } from "../policy/types";
import { bold, dim, green, highlight, red, yellow } from "./ansi";
import { readAll, type CliContext } from "./context";
import { runJsonl } from "./jsonl";

const reviewLine = z.object({
  text: z.string(),
  policy: z.string().min(1).optional(),
});

/** the contract's output shape */
export function reviewOutput(r: ReviewResult): object {
  return {
    verdict: r.verdict,
    findings: r.findings.map((f) => ({ type: f.type, start: f.start, end: f.end, confidence: f.confidence, reason: f.reason })),
    redacted: r.redacted,
  };
}

export function registerReviewCommand(program: Command, ctx: CliContext): void {
  program
    .command("review")
    .description(t("sv", "cli", "reviewDescription"))
    .argument("[text...]", t("sv", "cli", "reviewTextArg"))
    .option("--jsonl", t("sv", "cli", "jsonlOption"))
    .option("--policy <id>", t("sv", "cli", "policyOption"))
    .option("--json", t("sv", "cli", "jsonOption"))
    .action(async (words: string[], opts: { jsonl?: boolean; policy?: string; json?: boolean }) => {
      const lib = ctx.library();
      const defaultPack = opts.policy ?? ctx.config.policy.defaultPack;
      if (opts.jsonl) {
        await runJsonl({ input: ctx.stdin, output: ctx.stdout, err: ctx.err }, reviewLine, (item) =>
          reviewOutput(reviewDraft(item.text, packOf(lib, item.policy ?? defaultPack))),
        );
        return;
      }
      const pack = packOf(lib, defaultPack);
      const text = words.length > 0 ? words.join(" ") : await readAll(ctx.stdin);
      if (!text.trim()) {
        ctx.err(t("sv", "cli", "noText"));
        ctx.exitCode = 2;
        return;
      }
      const result = reviewDraft(text, pack);
      if (opts.json) ctx.out(JSON.stringify(reviewOutput(result), null, 2));
      else printReview(ctx, text, result);
    });
}

function packOf(lib: PolicyLibrary, id: string): PolicyPack {
  return lib.get(id); // throws PackNotFoundError naming the known packs
}

/** the draft with findings highlighted, the verdict, and why each finding was flagged */
export function renderReview(text: string, r: ReviewResult, tty: boolean): string[] {
  const lines: string[] = [];
  const spans = [...r.findings].sort((a, b) => a.start - b.start || b.end - a.end);
  let marked = "";
  let pos = 0;
  for (const f of spans) {
    if (f.start < pos) continue; // nested/overlapping: the outer span is already marked
    marked += text.slice(pos, f.start) + highlight(text.slice(f.start, f.end), tty);
    pos = f.end;
  }
  marked += text.slice(pos);
  lines.push(marked, "");
  const colour = r.verdict === "block" ? red : r.verdict === "warn" ? yellow : green;
  lines.push(`${bold(`${t("sv", "cli", "verdict")}:`, tty)} ${colour(t("sv", "cli", `verdict.${r.verdict}`), tty)}`);
  if (r.findings.length === 0) {
    lines.push(t("sv", "cli", "noFindings"));
  } else {
    lines.push(bold(`${t("sv", "cli", "findings")}:`, tty));
    for (const f of spans) {
      const rules = (r.rules[f.type] ?? []).map((c) => `${c.section}${c.rule ? `, regel ${c.rule}` : ""}`);
      lines.push(`  • ${f.type} ${dim(`[${f.start}–${f.end}]`, tty)} ${f.reason}${rules.length ? ` ${dim(`(${rules.join("; ")})`, tty)}` : ""}`);
    }
    // a copy that still holds health, sensitive or secret content is not called anonymised
    const left = [...new Set(r.findings.filter((f) => f.type === "HEALTH" || f.type === "SPECIAL_CATEGORY" || f.type === "SECRECY").map((f) => t("sv", "review", `types.${f.type}`).toLowerCase()))];
    const heading = left.length ? t("sv", "cli", "redactedPartial", { kinds: left.join(", ") }) : t("sv", "cli", "redacted");
    lines.push("", bold(`${heading}:`, tty), r.redacted);
  }
  return lines;
}

function printReview(ctx: CliContext, text: string, r: ReviewResult): void {
  for (const line of renderReview(text, r, ctx.isTty)) ctx.out(line);
}
