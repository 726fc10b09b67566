import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SqliteIncidentStore } from "../../src/storage/incident-store.sqlite";
import { SqliteOutbox } from "../../src/storage/outbox.sqlite";
import { loadOrCreateSecret } from "../../src/storage/secret";
import { openDatabase } from "../../src/storage/sqlite";
import { sampleIncident } from "../m365/helpers";

describe("SQLite incident store and outbox", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-sqlite-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("files idempotently by id and survives reopening", async () => {
    const file = path.join(dir, "data", "incidents.sqlite");
    const i = sampleIncident();
    let db = openDatabase(file);
    const store = new SqliteIncidentStore(db);
    await store.file(i);
    await store.file({ ...i, description: "second attempt" });
    db.close();
    db = openDatabase(file);
    const again = new SqliteIncidentStore(db);
    assert.equal((await again.list()).length, 1);
    assert.equal((await again.get(i.reference))?.incident.description, i.description);
    assert.equal((await again.get(i.id))?.incident.reference, i.reference);
    assert.equal(await again.get("nonsense' OR 1=1 --"), undefined);
    db.close();
  });

  it("outbox: put once, claim with a lease, filed entries lose their text, prune", async () => {
    const db = openDatabase(path.join(dir, "o.sqlite"));
    const ob = new SqliteOutbox(db);
    const i = sampleIncident();
    assert.equal(await ob.put(i, 1000, 1000), "added");
    assert.equal(await ob.put(i, 1001, 1001), "exists");
    assert.equal((await ob.claimDue(1000, 10, 9000)).length, 1);
    assert.equal((await ob.claimDue(1000, 10, 9000)).length, 0, "claimed: a second drainer does not get it");
    await ob.markFailed(i.id, "503", true, 5000);
    assert.deepEqual([(await ob.get(i.id))?.attempts, (await ob.get(i.id))?.mayExist], [1, true]);
    assert.equal((await ob.claimDue(4999, 10, 9000)).length, 0);
    assert.equal((await ob.claimDue(5000, 10, 9000)).length, 1);
    await ob.markFiled(i.id, "https://x/DispForm.aspx?ID=1", 6000);
    const e = (await ob.get(i.id))!;
    assert.deepEqual([e.state, e.incident, e.link], ["filed", undefined, "https://x/DispForm.aspx?ID=1"]);
    assert.equal(await ob.pendingCount(), 0);
    assert.equal(await ob.prune(5000), 0);
    assert.equal(await ob.prune(7000), 1);
    db.close();
  });

  it("an attempt that never reports back (a crash) leaves the entry to be looked up before the next create", async () => {
    const db = openDatabase(path.join(dir, "o.sqlite"));
    const ob = new SqliteOutbox(db);
    const i = sampleIncident();
    await ob.put(i, 1000, 1000 + 300_000); // the submit's own attempt owns it for five minutes
    assert.equal((await ob.claimDue(2000, 10, 9000)).length, 0, "a drainer does not race the submit");
    const [e] = await ob.claimDue(301_000, 10, 600_000); // ...the process died; the lease ran out
    assert.equal(e.mayExist, true, "the first attempt may have created it");
    await ob.markFailed(i.id, "503", false, 700_000); // a definite failure: nothing was created
    const [e2] = await ob.claimDue(700_000, 10, 900_000);
    assert.equal(e2.mayExist, false);
    db.close();
  });

  it("the form secret is created once, owner-only, and read back", () => {
    const a = loadOrCreateSecret(dir, "incident-form");
    const b = loadOrCreateSecret(dir, "incident-form");
    assert.equal(a.length, 32);
    assert.deepEqual(a, b);
    assert.equal(fs.statSync(path.join(dir, "incident-form.key")).mode & 0o777, 0o600);
  });
});
