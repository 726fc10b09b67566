// Collects pino output in memory so tests can read what the bot logged.
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logging";

export interface CapturedLog {
  log: Logger;
  /** every line written so far */
  text(): string;
  entries(): Array<Record<string, unknown>>;
}

export function captureLog(level = "trace"): CapturedLog {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(chunk.toString("utf8"));
      cb();
    },
  });
  const log = createLogger({ level, pretty: false }, stream);
  return {
    log,
    text: () => chunks.join(""),
    entries: () =>
      chunks
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
