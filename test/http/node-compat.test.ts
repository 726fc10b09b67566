// restify on Node 24: process.binding("http_parser") is gone there, and restify's spdy
// dependency reads it when loaded. A child process takes the binding away as Node 24
// does, then loads src/http/node-compat and restify; another loads them on this Node as
// it is, which must print no deprecation warning.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const compat = path.join(__dirname, "..", "..", "src", "http", "node-compat.js");

function run(loadCompat: boolean, asNode24 = true): { status: number | null; out: string } {
  const script = `
    const original = process.binding;
    // as Node 24: no http_parser binding
    if (${asNode24}) process.binding = function (name) {
      if (name === "http_parser") throw new Error("No such module: " + name);
      return original.call(process, name);
    };
    ${loadCompat ? `require(${JSON.stringify(compat)});` : ""}
    require("restify");
    const b = process.binding("http_parser");
    const c = require("_http_common");
    if (b.HTTPParser !== c.HTTPParser || b.methods !== c.methods) throw new Error("not node's own parser");
    process.stdout.write("loaded");
  `;
  // deprecation warnings on: the run on this Node checks there is none
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: path.join(__dirname, "..", "..", "..") });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe("Node 24 compatibility (src/http/node-compat)", function () {
  this.timeout(30000);

  it("without it, restify fails to load where Node has no http_parser binding", () => {
    const r = run(false);
    assert.notEqual(r.status, 0);
    assert.match(r.out, /No such module: http_parser/);
  });

  it("with it, restify loads and gets Node's own parser from node:_http_common", () => {
    const r = run(true);
    assert.equal(r.status, 0, r.out);
    assert.equal(r.out, "loaded");
  });

  it("on this Node, restify loads with the same parser and without the DEP0111 warning", () => {
    const r = run(true, false);
    assert.equal(r.status, 0, r.out);
    assert.equal(r.out, "loaded", "no warning printed");
  });
});
