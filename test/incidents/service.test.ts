// The service the card handler calls, on the local SQLite store: validation, forged
// and replayed submits, what is stored, and the truth in every outcome.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { ManualClock } from "../../src/incidents/clock";
import type { Reporter } from "../../src/incidents/model";
import { IncidentService } from "../../src/incidents/service";
import { IncidentStoreError, type IncidentStore } from "../../src/incidents/store";
import { SqliteIncidentStore } from "../../src/storage/incident-store.sqlite";
import { openDatabase, type Db } from "../../src/storage/sqlite";
import { SqliteOutbox } from "../../src/storage/outbox.sqlite";

const anna: Reporter = { objectId: "5b1f0a4e-1111-4aaa-8bbb-123456789abc", upn: "anna@contoso.se", name: "Anna Andersson" };
const bertil: Reporter = { objectId: "9c2e0b5f-2222-4ccc-8ddd-abcdef012345", name: "Bertil Berg" };
const fields = {
  occurredAt: "2026-03-02T07:30:00+01:00",
  discoveredAt: "2026-03-02T08:15:00+01:00",
  tool: "ChatGPT",
  infoKinds: "personal,customer",
  description: "Klistrade in en kundlista.",
};

describe("IncidentService on the local store", () => {
  let db: Db;
  let store: SqliteIncidentStore;
  let clock: ManualClock;
  let service: IncidentService;
  const count = () => (db.prepare("SELECT count(*) AS n FROM incidents").get() as { n: number }).n;

  beforeEach(() => {
    db = openDatabase(":memory:");
    store = new SqliteIncidentStore(db);
    clock = new ManualClock(Date.parse("2026-03-02T10:00:00Z"));
    service = new IncidentService({ store, clock, formSecret: randomBytes(32) });
  });
  afterEach(() => db.close());

  it("files a report: reference, reporter from the activity, personal data with the IMY deadline", async () => {
    const form = (await service.newForm(anna));
    const o = await service.submit({ token: form.token, fields: { ...fields, reporter: "someone else", objectId: bertil.objectId } }, anna, { policyPack: "soderkoping" });
    assert.equal(o.status, "filed");
    if (o.status !== "filed") return;
    assert.equal(o.replay, false);
    assert.equal(o.incident.id, form.reportId);
    assert.match(o.incident.reference, /^INC-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.deepEqual(o.incident.reporter, anna);
    assert.equal(o.incident.personalData, true);
    assert.equal(o.incident.imyDeadline, "2026-03-05T07:15:00.000Z");
    assert.equal(o.incident.status, "new");
    assert.equal(o.incident.policyPack, "soderkoping");
    assert.deepEqual((await service.get(o.incident.reference))?.incident, o.incident);
  });

  it("no personal data: no IMY deadline", async () => {
    const o = await service.submit({ token: (await service.newForm(anna)).token, fields: { ...fields, infoKinds: ["secret"] } }, anna, { policyPack: "hjo" });
    assert.equal(o.status, "filed");
    if (o.status === "filed") assert.deepEqual([o.incident.personalData, o.incident.imyDeadline], [false, undefined]);
  });

  it("a forged submit for another user's card is refused and stores nothing", async () => {
    const annasCard = (await service.newForm(anna));
    const o = await service.submit({ token: annasCard.token, fields }, bertil, { policyPack: "wenell" });
    assert.deepEqual(o, { status: "refused", reason: "not-yours" });
    assert.deepEqual(await service.submit({ token: "made.up", fields }, bertil, { policyPack: "wenell" }), { status: "refused", reason: "forged" });
    assert.deepEqual(await service.submit({ token: undefined, fields }, bertil, { policyPack: "wenell" }), { status: "refused", reason: "forged" });
    assert.equal(count(), 0);
  });

  it("invalid input: field issues and nothing stored; the corrected form files under the same id", async () => {
    const form = (await service.newForm(anna));
    const bad = await service.submit({ token: form.token, fields: { ...fields, description: "x".repeat(1_048_576), tool: "" } }, anna, { policyPack: "wenell" });
    assert.equal(bad.status, "invalid");
    if (bad.status === "invalid") {
      assert.deepEqual(bad.issues.map((i) => [i.field, i.code, i.limit]).sort(), [["description", "too_long", 10000], ["tool", "required", undefined]]);
    }
    assert.equal(count(), 0);
    const good = await service.submit({ token: form.token, fields }, anna, { policyPack: "wenell" });
    assert.equal(good.status, "filed");
    if (good.status === "filed") assert.equal(good.incident.id, form.reportId);
  });

  it("a replayed submit returns the first record and files nothing new", async () => {
    const form = (await service.newForm(anna));
    const a = await service.submit({ token: form.token, fields }, anna, { policyPack: "wenell" });
    const b = await service.submit({ token: form.token, fields: { ...fields, description: "changed afterwards" } }, anna, { policyPack: "wenell" });
    assert.equal(b.status, "filed");
    if (a.status === "filed" && b.status === "filed") {
      assert.equal(b.replay, true);
      assert.equal(b.incident.description, "Klistrade in en kundlista.");
      assert.equal(b.incident.reference, a.incident.reference);
    }
    assert.equal(count(), 1);
  });

  it("HTML, OData and control characters: stored as clean plain text", async () => {
    const o = await service.submit(
      { token: (await service.newForm(anna)).token, fields: { ...fields, tool: "x' or 1 eq 1 --", description: "<b>fet</b>\u0000 & <script>x</script>\u001b[31m" } },
      { ...anna, name: "Anna\u0007 <i>A</i>" },
      { policyPack: "wenell" },
    );
    assert.equal(o.status, "filed");
    if (o.status !== "filed") return;
    const stored = (await store.get(o.incident.id))!.incident;
    assert.equal(stored.tool, "x' or 1 eq 1 --");
    assert.equal(stored.description, "<b>fet</b> & <script>x</script>[31m");
    assert.equal(stored.reporter.name, "Anna <i>A</i>");
  });

  it("the store fails and there is no outbox: 'failed', never a false 'filed'", async () => {
    const broken: IncidentStore = {
      kind: "sqlite",
      file: async () => {
        throw new IncidentStoreError("disk full", "SQLITE_FULL", false);
      },
      get: async () => undefined,
      list: async () => [],
      setStatus: async () => undefined,
    };
    const s = new IncidentService({ store: broken, clock, formSecret: randomBytes(32) });
    assert.deepEqual(await s.submit({ token: (await s.newForm(anna)).token, fields }, anna, { policyPack: "wenell" }), { status: "failed", code: "SQLITE_FULL" });
  });

  it("set-status and list", async () => {
    for (const kinds of ["personal", "secret", "customer"]) await service.submit({ token: (await service.newForm(anna)).token, fields: { ...fields, infoKinds: kinds } }, anna, { policyPack: "wenell" });
    const all = await service.list();
    assert.equal(all.length, 3);
    const ref = all[0].incident.reference;
    const changed = await service.setStatus(ref.toLowerCase(), "closed", "Säk\u0000erhet");
    assert.equal(changed?.incident.status, "closed");
    assert.equal(changed?.incident.statusChangedBy, "Säkerhet");
    assert.equal((await service.list({ status: "closed" })).length, 1);
    assert.equal((await service.list({ personalData: true })).length, 1);
    assert.equal(await service.setStatus("INC-2026-0000-0000", "closed", "x"), undefined);
  });

  it("with an outbox: the reporter's own attempt is 'filed', never 'filed-later'; a report the drainer files is 'filed-later'", async () => {
    const events: string[] = [];
    let down = false;
    const flaky: IncidentStore = { kind: store.kind, file: (i) => (down ? Promise.reject(new IncidentStoreError("down", "http_503", true)) : store.file(i)), get: (r) => store.get(r), list: (q) => store.list(q), setStatus: (r, st, by, at) => store.setStatus(r, st, by, at) };
    const s = new IncidentService({ store: flaky, outbox: new SqliteOutbox(db), clock, formSecret: randomBytes(32), onEvent: (e) => events.push(e.event) });
    assert.equal((await s.submit({ token: (await s.newForm(anna)).token, fields }, anna, { policyPack: "wenell" })).status, "filed");
    assert.deepEqual(events, ["filed"], "the notice for a report filed at once is sent by the turn, not by a 'filed later' event");
    events.length = 0;
    down = true;
    assert.equal((await s.submit({ token: (await s.newForm(anna)).token, fields }, anna, { policyPack: "wenell" })).status, "queued");
    down = false;
    clock.advance(60 * 60_000);
    assert.equal((await s.drainer!.drainOnce()).filed, 1);
    assert.deepEqual(events, ["queued", "filed-later"]);
  });
});
