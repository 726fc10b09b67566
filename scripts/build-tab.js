#!/usr/bin/env node
// Bundles the tab's browser code (src/tab/client, with the review engine and teams-js) and its
// stylesheet into dist/tab/, which the server serves under /tab/assets/. Run by `npm run build`
// after tsc, so CI and a deployment build it the same way. No source maps in the bundle
// (they would be served); the metafile gives the bench the bundle's size per input.
const path = require("node:path");
const fs = require("node:fs");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
const out = path.join(root, "dist", "tab");

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { tab: path.join(root, "src", "tab", "client", "main.ts"), "tab-style": path.join(root, "src", "tab", "client", "tab.css") },
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    // Chromium-based Teams clients (desktop, web) and Safari on iOS/macOS
    target: ["chrome110", "edge110", "safari16", "firefox115"],
    outdir: out,
    entryNames: "[name]",
    metafile: true,
    legalComments: "none",
    logLevel: "warning",
  });
  fs.writeFileSync(path.join(out, "meta.json"), JSON.stringify(result.metafile));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
