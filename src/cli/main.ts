// `policybot` command line. main(argv) resolves to the process exit code.
import { Command, CommanderError } from "commander";
import { t } from "../locales";
import { registerAskCommand } from "./ask-command";
import { createContext } from "./context";
import { registerImageCommand } from "./image-command";
import { registerIncidentsCommand } from "./incidents-command";
import { registerApprovalsCommand } from "./approvals-command";
import { registerReviewCommand } from "./review-command";

export async function main(argv: string[]): Promise<number> {
  const ctx = createContext({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
  const program = new Command("policybot")
    .description(t("sv", "cli", "description"))
    .exitOverride()
    .configureOutput({ writeOut: (s) => void process.stdout.write(s), writeErr: (s) => void process.stderr.write(s) });
  registerAskCommand(program, ctx);
  registerReviewCommand(program, ctx);
  registerImageCommand(program, ctx);
  registerIncidentsCommand(program);
  registerApprovalsCommand(program);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode; // help, version, usage errors: already printed
    ctx.err(`policybot: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  return ctx.exitCode;
}
