// The list-schema cache is bounded: keyed by file, and a file name can come from a
// caller's folder (tests, the provisioning script's --dir).
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { listSchemaCacheSize, loadListSchema, schemaDir } from "../../src/m365/list-schema";

describe("list schema cache (bounded)", () => {
  let root: string;
  before(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-schemas-"))));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("schemas from 200 folders: at most 32 kept; a forgotten one is read and validated again", () => {
    const src = fs.readFileSync(path.join(schemaDir(), "incidents.list.json"), "utf8");
    const dirs: string[] = [];
    for (let i = 0; i < 200; i++) {
      const d = path.join(root, String(i));
      fs.mkdirSync(d);
      fs.writeFileSync(path.join(d, "incidents.list.json"), src);
      dirs.push(d);
      assert.equal(loadListSchema("incidents", d).key, "incidents");
      assert.ok(listSchemaCacheSize() <= 32);
    }
    // the first folder's file changed since: it was forgotten, so the change is read
    fs.writeFileSync(path.join(dirs[0], "incidents.list.json"), src.replace(/"displayName": "[^"]*"/, '"displayName": "Ändrad"'));
    assert.equal(loadListSchema("incidents", dirs[0]).displayName, "Ändrad");
    assert.equal(loadListSchema("incidents").key, "incidents");
  });

  it("the built-in schemas (compiled into dist/) are the files in infra/sharepoint", () => {
    for (const key of ["incidents", "approvals"]) assert.deepEqual(loadListSchema(key), loadListSchema(key, schemaDir()), key);
    assert.throws(() => loadListSchema("no-such-list"), /no built-in list schema "no-such-list"/);
  });
});
