// Runs every compiled benchmark (dist/bench/*.bench.js) in name order and prints its result.
// Each module exports `run(): Promise<object> | object`.
import * as fs from "node:fs";
import * as path from "node:path";

async function main(): Promise<number> {
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith(".bench.js")).sort();
  let failed = 0;
  for (const f of files) {
    const mod = require(path.join(__dirname, f)) as { run?: () => unknown };
    if (typeof mod.run !== "function") {
      console.error(`${f}: exports no run()`);
      failed++;
      continue;
    }
    try {
      const result = await mod.run();
      console.log(`# ${f.replace(/\.bench\.js$/, "")}`);
      console.log(JSON.stringify(result, null, 2));
    } catch (e) {
      failed++;
      console.error(`${f}: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }
  return failed ? 1 : 0;
}

main().then((code) => (process.exitCode = code));
