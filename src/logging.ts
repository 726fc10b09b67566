// Structured logs (pino). Rule: log ids, types, timings and status only, never
// message text, card content or user names (the bot handles exactly the data its
// policies warn about). The redact list is a second line of defence, not the first.
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

export interface LogOptions {
  /** pino level name, or "silent" */
  level: string;
  /** human-readable output when pino-pretty happens to be installed */
  pretty: boolean;
}

const REDACT = ["text", "*.text", "value", "*.value", "name", "*.name", "body", "*.body", "req.headers.authorization"];

/** builds the process logger; tests pass their own destination to capture output. */
export function createLogger(opts: LogOptions, destination?: DestinationStream): Logger {
  const base: pino.LoggerOptions = {
    level: opts.level,
    base: { app: "policybot" },
    redact: { paths: REDACT, censor: "[redacted]" },
  };
  if (destination) return pino(base, destination);
  if (opts.pretty && canResolve("pino-pretty")) {
    return pino({ ...base, transport: { target: "pino-pretty" } });
  }
  return pino(base);
}

function canResolve(id: string): boolean {
  try {
    require.resolve(id);
    return true;
  } catch {
    return false;
  }
}
