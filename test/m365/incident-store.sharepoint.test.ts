// The SharePoint adapter's mapping and queries, against the schema in infra/.
import assert from "node:assert/strict";
import { INFO_KINDS, SEVERITIES, STATUSES } from "../../src/incidents/model";
import { fromItem, LABELS, toFields } from "../../src/m365/incident-store.sharepoint";
import { column, loadListSchema } from "../../src/m365/list-schema";
import { filterExpr, literal } from "../../src/m365/odata";
import { graphRig, report, sampleIncident, serviceRig, type GraphRig, type ServiceRig } from "./helpers";

describe("SharePoint incident store", () => {
  const schema = loadListSchema("incidents");

  it("every model value has a choice label in the list schema", () => {
    const choices = (name: string) => {
      const c = column(schema, name);
      return c.type === "choice" ? c.choices : [];
    };
    assert.deepEqual(INFO_KINDS.map((k) => LABELS.infoKinds[k]), choices("InfoKinds"));
    assert.deepEqual(STATUSES.map((k) => LABELS.status[k]), choices("Status"));
    assert.deepEqual(SEVERITIES.map((k) => LABELS.severity[k]), choices("Severity"));
  });

  it("writes only columns of the schema (or Title) and reads back what it wrote", () => {
    const i = sampleIncident({ severity: "high", endedAt: "2026-03-02T08:00:00.000Z", subjectsInformedNote: "Via brev" });
    const f = toFields(i);
    const names = new Set(["Title", ...schema.columns.map((c) => c.name)]);
    for (const k of Object.keys(f)) assert.ok(names.has(k.replace(/@odata\.type$/, "")), k);
    const back = fromItem({ id: "7", webUrl: "https://x/DispForm.aspx?ID=7", fields: f });
    assert.deepEqual(back.incident, i);
    assert.equal(back.itemId, "7");
  });

  it("filters are built from indexed columns and typed literals only", () => {
    assert.equal(literal("a'b"), "'a''b'");
    assert.equal(literal(true), "1");
    assert.throws(() => literal("x\u0000"), /unsafe/);
    assert.throws(() => filterExpr(schema, [{ field: "Description", op: "eq", value: "x" }]), /not an indexed column/);
    assert.equal(filterExpr(schema, [{ field: "Status", op: "eq", value: "Ny" }, { field: "PersonalData", op: "eq", value: true }]), "fields/Status eq 'Ny' and fields/PersonalData eq 1");
  });

  describe("over the fake Graph", () => {
    let rig: GraphRig;
    let srig: ServiceRig | undefined;
    afterEach(async () => {
      if (srig) await srig.close();
      else await rig.graph.stop();
      srig = undefined;
    });

    it("looks up by reference or id; anything else never reaches a $filter", async () => {
      rig = await graphRig();
      const i = sampleIncident();
      await rig.store.file(i);
      const before = rig.graph.graphCalls();
      assert.equal((await rig.store.get(i.reference.toLowerCase()))?.incident.id, i.id);
      assert.equal((await rig.store.get(i.id))?.incident.reference, i.reference);
      assert.equal(await rig.store.get("x' or fields/Status eq 'Ny"), undefined);
      assert.equal(await rig.store.get("1 eq 1"), undefined);
      assert.equal(rig.graph.graphCalls() - before, 2, "the two bad references made no Graph calls");
    });

    it("lists by status and personal data, newest first, across pages", async () => {
      rig = await graphRig({ pageSize: 2 });
      for (let k = 0; k < 5; k++) await rig.store.file(sampleIncident({ reportedAt: `2026-03-0${k + 1}T10:00:00.000Z`, personalData: k % 2 === 0, status: k === 4 ? "closed" : "new" }));
      const all = await rig.store.list({ limit: 10 });
      assert.deepEqual(all.map((s) => s.incident.reportedAt.slice(0, 10)), ["2026-03-05", "2026-03-04", "2026-03-03", "2026-03-02", "2026-03-01"]);
      assert.equal((await rig.store.list({ status: "new" })).length, 4);
      assert.equal((await rig.store.list({ personalData: true })).length, 3);
    });

    it("HTML and OData in free text arrive in SharePoint verbatim, as plain text", async () => {
      rig = srig = await serviceRig();
      const { outcome } = await report(srig.service, { tool: "x' or 1 eq 1", description: "<img src=x onerror=alert(1)> fields/Status eq 'Ny'" });
      assert.equal(outcome.status, "filed");
      const [item] = rig.graph.itemsWhere("AI-incidenter", "Tool", "x' or 1 eq 1");
      assert.equal(item.fields.Description, "<img src=x onerror=alert(1)> fields/Status eq 'Ny'");
    });

    it("a schema mismatch (400) is not retried and not ambiguous: the outbox keeps it and says why", async () => {
      rig = srig = await serviceRig();
      rig.graph.list("AI-incidenter")!.columns = rig.graph.list("AI-incidenter")!.columns.filter((c) => c.name !== "DataSubjects");
      const { outcome } = await report(srig.service, { dataSubjects: "elever" });
      assert.equal(outcome.status, "queued");
      if (outcome.status !== "queued") return;
      assert.equal(outcome.reason, "rejected", "the reporter's card can say an administrator must act");
      const entry = (await srig.outbox.get(outcome.incident.id))!;
      assert.match(entry.lastError ?? "", /invalidRequest: Field 'DataSubjects' is not recognized/);
      assert.equal(entry.mayExist, false);
      assert.equal(rig.graph.graphCalls("POST"), 1, "a 400 is not retried");
    });
  });
});
