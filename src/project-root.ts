import * as path from "node:path";
import * as fs from "node:fs";

/** the repository root, found from this file whether run from src/ (tsx) or dist/src/ (compiled). */
export function projectRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "policies"))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`policybot: cannot find the project root above ${__dirname}`);
}
