// Keeps a passing run quiet: loaded by mocha before any test (.mocharc.json "require"), it
// counts what code under test prints through the console (mocha's reporter keeps its own
// reference to console.log, taken before this runs) and the process warnings Node prints,
// and fails the run at its end naming the tests during which that happened. Output is still
// printed, so the reason is on screen.
const noisy = new Map<string, string[]>();
let current = "(outside any test)";

function note(kind: string, first: unknown): void {
  const what = `${kind}: ${String(first instanceof Error ? `${first.name}: ${first.message}` : first).split("\n")[0].slice(0, 120)}`;
  const list = noisy.get(current) ?? [];
  if (list.length < 3) list.push(what);
  noisy.set(current, list);
}

for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    note(`console.${method}`, args[0]);
    original(...args);
  };
}
process.on("warning", (w) => note("process warning", w));

/** what was printed so far, and forgets it (the guard's own test) */
export function takeNoise(): Map<string, string[]> {
  const copy = new Map(noisy);
  noisy.clear();
  return copy;
}

export const mochaHooks = {
  beforeEach(this: Mocha.Context) {
    current = this.currentTest?.fullTitle() ?? current;
  },
  afterAll() {
    if (noisy.size === 0) return;
    const lines = [...noisy].map(([test, what]) => `  "${test}": ${what.join(" | ")}`);
    throw new Error(`a passing run must be quiet, but these tests printed (test/support/quiet-guard.ts):\n${lines.join("\n")}`);
  },
};
