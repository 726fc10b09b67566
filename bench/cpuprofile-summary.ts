// Summarises a V8 .cpuprofile (node --cpu-prof, or `npm run bench:load -- --node-flags
// "--cpu-prof --cpu-prof-dir=/tmp/prof"`): self time by file (a package for node_modules), self
// time by function, and time by file with callees included (a sample counts once per file on
// its stack). Percentages of all sampled time, start-up and idle included.
//   node dist/bench/cpuprofile-summary.js <file.cpuprofile> [top=30]
import * as fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** a package name for node_modules, a path from dist/ for the project, "(native)" for V8 and C++ */
function where(url: string): string {
  if (!url) return "(native)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return `npm:${m[1]}`;
  return url.replace(/^file:\/\//, "").replace(/^.*\/dist\//, "");
}

export function summarise(p: Profile): { totalMs: number; selfByFile: Map<string, number>; selfByFunction: Map<string, number>; inclusiveByFile: Map<string, number> } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const d = p.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + d);
    total += d;
  });
  const add = (m: Map<string, number>, k: string, t: number) => m.set(k, (m.get(k) ?? 0) + t);
  const selfByFile = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveByFile = new Map<string, number>();
  for (const [id, t] of self) {
    const cf = byId.get(id)!.callFrame;
    add(selfByFile, where(cf.url), t);
    add(selfByFunction, `${cf.functionName || "(anonymous)"} ${where(cf.url)}:${cf.lineNumber + 1}`, t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = where(byId.get(cur)!.callFrame.url);
      if (!seen.has(f)) {
        seen.add(f);
        add(inclusiveByFile, f, t);
      }
    }
  }
  return { totalMs: total / 1000, selfByFile, selfByFunction, inclusiveByFile };
}

if (require.main === module) {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    console.error("usage: node dist/bench/cpuprofile-summary.js <file.cpuprofile> [top]");
    process.exit(2);
  }
  const top = Number(topArg ?? 30);
  const s = summarise(JSON.parse(fs.readFileSync(file, "utf8")) as Profile);
  const total = s.totalMs * 1000;
  console.log(`sampled ${(s.totalMs / 1000).toFixed(2)} s`);
  for (const [title, m] of [
    ["self time by file", s.selfByFile],
    ["self time by function", s.selfByFunction],
    ["time by file, callees included", s.inclusiveByFile],
  ] as const) {
    console.log(`\n${title}`);
    for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
  }
}
