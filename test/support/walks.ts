// Counts walks over Maps and Sets (iterators, forEach) while a function runs: a check
// that an operation is O(1) by what it does, not by how long it takes.
type Proto = Record<string | symbol, (...a: unknown[]) => unknown>;

/** walks started over any Map or Set holding at least minSize entries while fn runs */
export async function countWalks(fn: () => void | Promise<void>, minSize = 0): Promise<number> {
  const protos = [Map.prototype, Set.prototype] as unknown as Proto[];
  const names: Array<string | symbol> = ["keys", "values", "entries", "forEach", Symbol.iterator];
  const saved: Array<[Proto, string | symbol, (...a: unknown[]) => unknown]> = [];
  let walks = 0;
  for (const p of protos) {
    for (const n of names) {
      const orig = p[n];
      saved.push([p, n, orig]);
      Object.defineProperty(p, n, {
        configurable: true,
        writable: true,
        value: function (this: { size: number }, ...a: unknown[]) {
          if (this.size >= minSize) walks++;
          return orig.apply(this, a);
        },
      });
    }
  }
  try {
    await fn();
  } finally {
    for (const [p, n, orig] of saved) Object.defineProperty(p, n, { configurable: true, writable: true, value: orig });
  }
  return walks;
}
