// Derives src/policy/analysis/thesaurus-sv.ts from Debian's mythes-sv
// (/usr/share/mythes/th_sv_SE_v2.dat, Viggo Kann's Swedish thesaurus, 2009; notices kept in the
// output). Single-word synonyms only, made symmetric, stored as the search's folded stems so
// nothing is stemmed at start-up. Run after a build: node scripts/derive-thesaurus.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const { foldedStems } = createRequire(import.meta.url)("../dist/src/policy/analysis/stem.js");

const SOURCE = process.argv[2] ?? "/usr/share/mythes/th_sv_SE_v2.dat";
const OUT = new URL("../src/policy/analysis/thesaurus-sv.ts", import.meta.url);

const lines = new TextDecoder("latin1").decode(readFileSync(SOURCE)).split("\n");
const word = /^\p{Ll}[\p{Ll}-]*\p{Ll}$/u;
const syn = new Map();
const link = (a, b) => {
  if (a === b || !word.test(a) || !word.test(b)) return;
  if (!syn.has(a)) syn.set(a, new Set());
  syn.get(a).add(b);
};
let head = null;
for (const line of lines.slice(1)) {
  if (!line) continue;
  if (!line.startsWith("|") && !line.startsWith("(")) {
    head = line.split("|")[0].trim().toLowerCase();
    continue;
  }
  const words = line.split("|").slice(1).map((w) => w.trim().toLowerCase());
  for (const w of words) {
    link(head, w);
    link(w, head);
  }
}
const byStem = new Map();
for (const [w, syns] of syn) {
  const stems = [...syns].flatMap((x) => foldedStems(x));
  for (const key of foldedStems(w)) {
    if (!byStem.has(key)) byStem.set(key, new Set());
    for (const s of stems) if (s !== key) byStem.get(key).add(s);
  }
}
const body = [...byStem.keys()]
  .filter((k) => byStem.get(k).size > 0)
  .sort()
  .map((k) => `${k}:${[...byStem.get(k)].sort().join(",")}`)
  .join("|");
writeFileSync(
  OUT,
  `// Swedish synonyms, derived by scripts/derive-thesaurus.mjs from Debian's mythes-sv
// (th_sv_SE_v2.dat), which is Viggo Kann's thesaurus (Folkets synonymlexikon), 2009.
// Modified: single-word entries only, every pair made symmetric, words replaced by their
// folded Snowball stems (src/policy/analysis/stem.ts).
// Its notice, retained as it asks:
//   THIS MATERIAL IS PROVIDED AS IS, WITH ABSOLUTELY NO WARRANTY EXPRESSED OR IMPLIED.
//   ANY USE IS AT YOUR OWN RISK. Permission is hereby granted to use or copy this program
//   for any purpose, provided the above notices are retained on all copies. Permission to
//   modify the code and to distribute modified code is granted, provided the above notices
//   are retained, and a notice that the code was modified is included with the above
//   copyright notice. (Copyright 2009 Viggo Kann.)
// Format: "stem:stem,stem|stem:…"
export default ${JSON.stringify(body)};
`,
);
console.log(`${byStem.size} stems`);
