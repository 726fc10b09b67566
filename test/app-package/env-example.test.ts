// .env.example documents every variable src/config.ts reads.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { loadConfig } from "../../src/config";

describe(".env.example", () => {
  const root = projectRoot();
  const example = fs.readFileSync(path.join(root, ".env.example"), "utf8");
  const keys = [...fs.readFileSync(path.join(root, "src", "config.ts"), "utf8").matchAll(/^\s+([A-Z][A-Z0-9_]+): (?:z\.|bool)/gm)].map((m) => m[1]);

  it("lists every variable of src/config.ts, each with a comment", () => {
    assert.ok(keys.length >= 10, `found the config keys (${keys.join(", ")})`);
    for (const k of keys) {
      const at = example.search(new RegExp(`^#?\\s*${k}=`, "m"));
      assert.ok(at >= 0, `${k} is missing from .env.example`);
      assert.match(example.slice(0, at), /#[^\n]*\n$/, `${k} has a comment line above it`);
    }
  });

  it("its values are accepted by the config as they stand", () => {
    const env: Record<string, string> = {};
    for (const m of example.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)) env[m[1]] = m[2];
    assert.doesNotThrow(() => loadConfig(env));
  });
});
