// The Graph directory with the real Graph client over HTTP to a small users server:
// GET /users/{id}/manager (404: no manager), role holders by configured id, failures.
import * as assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { DirectoryError } from "../../src/directory/directory";
import { FileDirectory } from "../../src/directory/file-directory";
import { GraphDirectory } from "../../src/directory/graph-directory";
import { ManualClock } from "../../src/incidents/clock";
import { createGraphClient } from "../../src/m365/graph-client";

const EMP = "aaaaaaaa-0000-4000-8000-000000000001";
const BOSS = "aaaaaaaa-0000-4000-8000-000000000002";
const LONER = "aaaaaaaa-0000-4000-8000-000000000003";
const CEO = "aaaaaaaa-0000-4000-8000-000000000004";

describe("GraphDirectory", () => {
  let server: http.Server;
  let url = "";
  const seen: string[] = [];
  let fail = 0;
  before(async () => {
    const users: Record<string, object> = {
      [BOSS]: { "@odata.type": "#microsoft.graph.user", id: BOSS, displayName: "Chef Chefsson", userPrincipalName: "chef@contoso.se" },
      [CEO]: { "@odata.type": "#microsoft.graph.user", id: CEO, displayName: "Vera VD", userPrincipalName: "vd@contoso.se" },
    };
    server = http.createServer((req, res) => {
      const u = new URL(req.url ?? "/", "http://x");
      seen.push(`${u.pathname}?${u.searchParams.get("$select")}|${req.headers.authorization}`);
      const send = (status: number, body: object) => (res.writeHead(status, { "content-type": "application/json" }), res.end(JSON.stringify(body)));
      if (fail > 0) return fail--, send(500, { error: { code: "generalException", message: "boom" } });
      const m = /^\/v1\.0\/users\/([^/]+)(\/manager)?$/.exec(u.pathname);
      if (!m) return send(400, { error: { code: "BadRequest", message: "?" } });
      if (m[2]) return m[1] === EMP ? send(200, users[BOSS]) : send(404, { error: { code: "Request_ResourceNotFound", message: "Resource 'manager' does not exist" } });
      return users[m[1]] ? send(200, users[m[1]]) : send(404, { error: { code: "Request_ResourceNotFound", message: "no user" } });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const dir = () => {
    const clock = new ManualClock();
    const client = createGraphClient({ baseUrl: url, tokens: { getToken: async () => "tok" }, clock, retry: { maxRetries: 0 } });
    return new GraphDirectory(client, { roles: { ceo: CEO }, clock });
  };

  it("finds the manager, with the token and a $select", async () => {
    const m = await dir().manager(EMP);
    assert.deepEqual(m, { objectId: BOSS, name: "Chef Chefsson", upn: "chef@contoso.se" });
    assert.ok(seen.some((s) => s.startsWith(`/v1.0/users/${EMP}/manager?id,displayName,userPrincipalName|Bearer tok`)));
  });

  it("404 on /manager is 'no manager', not an error", async () => {
    assert.equal(await dir().manager(LONER), undefined);
  });

  it("role holders come from config; an unconfigured role is undefined", async () => {
    const d = dir();
    assert.equal((await d.roleHolder("ceo"))?.name, "Vera VD");
    assert.equal(await d.roleHolder("head-of-operations"), undefined);
  });

  it("a Graph failure is a DirectoryError (the service keeps the request for an admin)", async () => {
    fail = 1;
    await assert.rejects(dir().manager(EMP), (e: unknown) => e instanceof DirectoryError && e.retryable);
  });

  it("never puts anything but an object id into a Graph path", async () => {
    await assert.rejects(dir().manager("../../sites/x"), (e: unknown) => e instanceof DirectoryError && e.code === "invalid_id");
  });
});

describe("FileDirectory", () => {
  it("the sample file loads and routes the Playground user to a manager", async () => {
    const d = FileDirectory.load();
    assert.equal((await d.manager("00000000-0000-0000-0000-0000000000020"))?.name, "Megan Bowen");
    assert.equal(await d.manager("00000000-0000-0000-0000-0000000000025"), undefined);
    assert.equal((await d.roleHolder("ceo"))?.name, "Isaiah Langer");
  });

  it("configured role holders win over the file's", async () => {
    const d = FileDirectory.load(undefined, { ceo: "00000000-0000-0000-0000-0000000000021" });
    assert.equal((await d.roleHolder("ceo"))?.name, "Megan Bowen");
  });

  it("a missing file, or one whose manager is not a user, is refused with a clear error", () => {
    const fs = require("node:fs") as typeof import("node:fs");
    const os = require("node:os") as typeof import("node:os");
    const path = require("node:path") as typeof import("node:path");
    assert.throws(() => FileDirectory.load(path.join(os.tmpdir(), "no-such-directory.json")), (e: unknown) => e instanceof DirectoryError && e.code === "file_unreadable");
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dir-")), "d.json");
    fs.writeFileSync(f, JSON.stringify({ users: [{ objectId: "a", name: "A", manager: "ghost" }] }));
    assert.throws(() => FileDirectory.load(f), (e: unknown) => e instanceof DirectoryError && e.code === "file_invalid" && /ghost/.test(e.message));
  });
});
