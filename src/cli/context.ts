// What every subcommand needs: config, the policy library (loaded once, lazily), output.
import type { Readable, Writable } from "node:stream";
import { loadConfig, type Config } from "../config";
import { loadPolicyLibrary } from "../policy/library";
import type { PolicyLibrary } from "../policy/types";

export interface CliContext {
  config: Config;
  library(): PolicyLibrary;
  stdin: Readable;
  stdout: Writable;
  /** stdout is a terminal: colours and friendly layout are welcome */
  isTty: boolean;
  out(line: string): void;
  err(line: string): void;
  /** exit code the command asks for */
  exitCode: number;
}

export function createContext(io: { stdin: Readable; stdout: Writable & { isTTY?: boolean }; stderr: Writable }): CliContext {
  const config = loadConfig();
  let lib: PolicyLibrary | undefined;
  return {
    config,
    library: () => (lib ??= loadPolicyLibrary({ extraDir: config.policy.extraDir })),
    stdin: io.stdin,
    stdout: io.stdout,
    isTty: io.stdout.isTTY === true,
    out: (line) => void io.stdout.write(`${line}\n`),
    err: (line) => void io.stderr.write(`${line}\n`),
    exitCode: 0,
  };
}

/** read all of a stream as text (the friendly modes' stdin) */
export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
