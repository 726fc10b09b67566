#!/usr/bin/env node
// Thin launcher: the CLI is compiled TypeScript (npm run build).
// A reader that stops early (`policybot ask … | head`) closes the pipe: that is no error.
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(0);
  throw e;
});
require("../dist/src/cli/main.js").main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`policybot: ${err && err.message ? err.message : err}\n`); process.exitCode = 1; },
);
