#!/usr/bin/env node
// Thin launcher: the CLI is compiled TypeScript (npm run build).
require("../dist/src/cli/main.js").main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`policybot: ${err && err.message ? err.message : err}\n`); process.exitCode = 1; },
);
