// Provisioning against the fake Graph: creates lists and columns from infra/, a second
// run changes nothing, a schema change is applied as an update.
import assert from "node:assert/strict";
import { loadListSchema, type ListSchema } from "../../src/m365/list-schema";
import { provisionList } from "../../src/m365/provisioning";
import { viewCaml, viewCommands } from "../../src/m365/views";
import { graphRig, type GraphRig } from "./helpers";

describe("SharePoint provisioning", () => {
  let rig: GraphRig;
  afterEach(async () => rig && (await rig.graph.stop()));

  it("creates both lists with every column, index and Title setting; the second run makes no writes", async () => {
    rig = await graphRig({ seed: [] });
    for (const key of ["incidents", "approvals"] as const) {
      const schema = loadListSchema(key);
      const first = await provisionList(rig.client, rig.graph.site, schema);
      assert.equal(first.listCreated, true);
      assert.deepEqual(first.conflicts, []);
      assert.deepEqual(first.updated, ["Title (displayName, indexed, enforceUniqueValues)"]);
      const list = rig.graph.list(schema.displayName)!;
      for (const c of schema.columns) {
        const col = list.columns.find((x) => x.name === c.name);
        assert.ok(col, `${key}.${c.name}`);
        assert.equal(col.indexed ?? false, c.indexed, `${c.name} indexed`);
        assert.equal(col.required ?? false, c.required, `${c.name} required`);
      }
      assert.equal(list.columns.find((c) => c.name === "Title")!.indexed, true);

      const before = rig.graph.graphCalls("POST") + rig.graph.graphCalls("PATCH");
      const second = await provisionList(rig.client, rig.graph.site, schema);
      assert.equal(second.listCreated, false);
      assert.deepEqual([second.created, second.updated, second.conflicts, second.writes], [[], [], [], 0]);
      assert.equal(second.unchanged.length, schema.columns.length + schema.builtIn.length);
      assert.equal(rig.graph.graphCalls("POST") + rig.graph.graphCalls("PATCH"), before, "no writes on the second run");
    }
    assert.equal(rig.graph.lists.size, 2);
  });

  it("adds a new column and updates a changed one on an existing list; a type change is reported, not forced", async () => {
    rig = await graphRig({ seed: ["incidents"] });
    const base = loadListSchema("incidents");
    const changed: ListSchema = {
      ...base,
      columns: [
        ...base.columns.map((c) => (c.name === "Status" && c.type === "choice" ? { ...c, choices: [...c.choices, "Arkiverad"] } : c.name === "Tool" ? { ...c, indexed: true } : c)),
        { name: "Unit", displayName: "Förvaltning", type: "text", maxLength: 100, required: false, indexed: false, unique: false },
      ],
    };
    const r = await provisionList(rig.client, rig.graph.site, changed);
    assert.deepEqual(r.created, ["Unit"]);
    assert.deepEqual(r.updated.sort(), ["Status (choices)", "Tool (indexed)"]);
    const list = rig.graph.list("AI-incidenter")!;
    assert.ok(list.columns.find((c) => c.name === "Status")!.choice!.choices.includes("Arkiverad"));
    assert.deepEqual((await provisionList(rig.client, rig.graph.site, changed)).writes, 0);

    const typeChange: ListSchema = { ...base, columns: base.columns.map((c) => (c.name === "PeopleAffected" ? { name: c.name, displayName: c.displayName, type: "text", maxLength: 20, required: false, indexed: false, unique: false } : c)) };
    const t = await provisionList(rig.client, rig.graph.site, typeChange, { dryRun: true });
    assert.deepEqual(t.conflicts, ["PeopleAffected: is number on the site, text in the schema"]);
  });

  it("dry run changes nothing", async () => {
    rig = await graphRig({ seed: [] });
    const r = await provisionList(rig.client, rig.graph.site, loadListSchema("incidents"), { dryRun: true });
    assert.equal(r.listCreated, true);
    assert.equal(rig.graph.lists.size, 0);
  });

  it("prints the views as CLI for Microsoft 365 commands with CAML", () => {
    const s = loadListSchema("incidents");
    const open = s.views.find((v) => v.name === "Öppna incidenter")!;
    assert.equal(
      viewCaml(s, open),
      '<Where><Neq><FieldRef Name="Status" /><Value Type="Choice">Avslutad</Value></Neq></Where><OrderBy><FieldRef Name="ReportedAt" Ascending="FALSE" /></OrderBy>',
    );
    const cmds = viewCommands(s, "https://contoso.sharepoint.com/sites/ai");
    assert.equal(cmds.length, 3);
    assert.match(cmds[1], /--title 'Personuppgiftsincidenter efter IMY-frist'.*<Eq><FieldRef Name="PersonalData" \/><Value Type="Boolean">1<\/Value><\/Eq>.*<FieldRef Name="ImyDeadline" Ascending="TRUE" \/>/);
    assert.match(cmds[2], /<GroupBy Collapse="TRUE"><FieldRef Name="ReportedMonth" \/><\/GroupBy>/);
  });
});
