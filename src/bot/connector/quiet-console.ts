// botbuilder writes to the console on its own: CloudAdapter.process prints every error
// it answers 401/500 for (with its stack), and JwtTokenExtractor prints expired tokens'
// errors and, on a bad signature, the trusted public key. While the adapter handles a
// request those calls go to a sink instead (the adapter logs a short line of its own);
// the console works as before everywhere else, the bot's own turn logic included.
import { AsyncLocalStorage } from "node:async_hooks";

export type ConsoleSink = (method: string, first: unknown) => void;

const METHODS = ["log", "info", "warn", "error", "debug", "trace", "dir"] as const;
const sinks = new AsyncLocalStorage<ConsoleSink | null>();
const wrappers = new WeakSet<object>();

/** wraps each console method, again if something replaced it since (a test's spy, then its restore) */
function install(): void {
  for (const m of METHODS) {
    const original = console[m] as (...args: unknown[]) => void;
    if (wrappers.has(original)) continue;
    const wrapper = function (this: Console, ...args: unknown[]) {
      const sink = sinks.getStore();
      if (sink) {
        try {
          sink(m, args[0]);
        } catch {
          /* a sink never breaks the caller */
        }
        return;
      }
      return original.apply(this, args);
    };
    wrappers.add(wrapper);
    console[m] = wrapper as (typeof console)[typeof m];
  }
}

/** runs work with the console redirected to sink (in this async context only) */
export function quietConsole<T>(sink: ConsoleSink, run: () => T): T {
  install();
  return sinks.run(sink, run);
}

/** runs work with the console as usual, inside quietConsole */
export function loudConsole<T>(run: () => T): T {
  return sinks.run(null, run);
}
