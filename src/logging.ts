// Structured logs (pino). Rule: log ids, types, timings and status only, never
// message text, card content or user names (the bot handles exactly the data its
// policies warn about). The redact list is a second line of defence, not the first.
import pino, { type DestinationStream, type Logger } from "pino";
import { correlationId } from "./telemetry/correlation";

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
    // every line logged inside a turn carries the turn's id (src/telemetry/correlation.ts)
    mixin: correlationMixin,
    // outside a turn the line is logged as it is (no copy); inside, the id comes first
    mixinMergeStrategy: (line, mixin) => (mixin === NONE ? line : Object.assign(mixin, line)),
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

const NONE = Object.freeze({});
function correlationMixin(): object {
  const id = correlationId();
  return id === undefined ? NONE : { correlationId: id };
}
