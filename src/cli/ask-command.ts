// `policybot ask`: one question (friendly) or a JSON Lines batch (--jsonl).
import type { Command } from "commander";
import { z } from "zod";
import { t } from "../locales";
import type { Answer } from "../policy/types";
import type { CliContext } from "./context";
import { runJsonl } from "./jsonl";
import { bold, dim } from "./ansi";

const askLine = z.object({
  policy: z.string().min(1).optional(),
  question: z.string().trim().min(1, "must not be empty"),
});

/** the contract's output shape */
export function askOutput(a: Answer): { answer: string; verdict: Answer["verdictKind"]; citations: Answer["citations"]; confidence: number } {
  return { answer: a.answer, verdict: a.verdictKind, citations: a.citations, confidence: a.confidence };
}

export function registerAskCommand(program: Command, ctx: CliContext): void {
  program
    .command("ask")
    .description(t("sv", "cli", "askDescription"))
    .argument("[question...]", t("sv", "cli", "askQuestionArg"))
    .option("--jsonl", t("sv", "cli", "jsonlOption"))
    .option("--policy <id>", t("sv", "cli", "policyOption"))
    .option("--json", t("sv", "cli", "jsonOption"))
    .action(async (words: string[], opts: { jsonl?: boolean; policy?: string; json?: boolean }) => {
      const lib = ctx.library();
      const defaultPack = opts.policy ?? ctx.config.policy.defaultPack;
      if (opts.jsonl) {
        await runJsonl({ input: ctx.stdin, output: ctx.stdout, err: ctx.err }, askLine, (item) =>
          askOutput(lib.ask(item.policy ?? defaultPack, item.question)),
        );
        return;
      }
      const question = words.join(" ").trim();
      if (!question) {
        ctx.err(t("sv", "cli", "noQuestion"));
        ctx.exitCode = 2;
        return;
      }
      const a = lib.ask(defaultPack, question);
      if (opts.json) {
        ctx.out(JSON.stringify(askOutput(a), null, 2));
        return;
      }
      printAnswer(ctx, a);
    });
}

function printAnswer(ctx: CliContext, a: Answer): void {
  const tty = ctx.isTty;
  if (a.verdict) ctx.out(bold(a.verdict, tty));
  const body = a.verdict ? a.answer.slice(a.verdict.length).replace(/^\n+/, "") : a.answer;
  ctx.out(body);
  if (a.citations.length > 0) {
    ctx.out("");
    ctx.out(bold(`${t(a.lang, "cli", "sources")}:`, tty));
    for (const c of a.citations) ctx.out(`  • ${c.section}${c.rule ? `, ${a.lang === "sv" ? "regel" : "rule"} ${c.rule}` : ""} ${dim(`(${c.policy})`, tty)}`);
  }
  ctx.out(dim(`${t(a.lang, "cli", "confidence")}: ${a.confidence.toFixed(2)}`, tty));
}
