// JSON Lines batch driver: one JSON object out per input line, in order, streamed.
// Bad input never stops the batch: its line gets {"error": "..."} and a note on stderr.
import * as readline from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { z } from "zod";

export interface JsonlIo {
  input: Readable;
  output: Writable;
  err: (line: string) => void;
}

/** thrown by a handler for input that is well-formed JSON but unusable (unknown policy…) */
export class InputError extends Error {}

export async function runJsonl<T>(
  io: JsonlIo,
  schema: z.ZodType<T>,
  handle: (item: T) => object,
): Promise<{ lines: number; errors: number }> {
  const rl = readline.createInterface({ input: io.input, crlfDelay: Infinity });
  let lineNo = 0;
  let errors = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === "") continue; // a blank line is not an input
    let out: object;
    try {
      out = handle(parseLine(line, schema));
    } catch (e) {
      errors++;
      const message = e instanceof Error ? e.message : String(e);
      io.err(`policybot: line ${lineNo}: ${message}`);
      out = { error: message };
    }
    if (!io.output.write(`${JSON.stringify(out)}\n`)) {
      await new Promise<void>((resolve) => io.output.once("drain", () => resolve()));
    }
  }
  return { lines: lineNo, errors };
}

function parseLine<T>(line: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new InputError("invalid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "));
  }
  return parsed.data;
}
