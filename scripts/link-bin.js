#!/usr/bin/env node
// postinstall: npm links the bins of dependencies into node_modules/.bin but not the
// project's own; link `policybot` there too, so tools that look for it find it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const binDir = path.join(root, "node_modules", ".bin");
const link = path.join(binDir, "policybot");
try {
  fs.mkdirSync(binDir, { recursive: true });
  if (!fs.existsSync(link)) fs.symlinkSync(path.join("..", "..", "bin", "policybot.js"), link);
} catch (e) {
  process.stderr.write(`policybot: could not link node_modules/.bin/policybot (${e.message}); use npx policybot\n`);
}
