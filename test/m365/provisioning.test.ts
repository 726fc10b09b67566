// Provisioning against the fake Graph: creates lists and columns from infra/, a second
// run changes nothing, a schema change is applied as an update.
import assert from "node:assert/strict";
import { loadListSchema, type ListSchema } from "../../src/m365/list-schema";
import { provisionList } from "../../src/m365/provisioning";
import { viewCaml, viewCommands } from "../../src/m365/views";
import { randomUUID } from "node:crypto";
import { provisionViews, SharePointRest, SharePointRestError, VIEW_ROW_LIMIT } from "../../src/m365/sharepoint-views";
import { createTokenProvider } from "../../src/m365/token";
import { graphTestConfig, makeTestCertificate, type FakeGraph } from "../support/graph-server";
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

describe("SharePoint list views (REST)", function () {
  this.timeout(30_000);
  let rig: GraphRig;
  let pem: string;
  before(() => (pem = makeTestCertificate()));
  afterEach(async () => rig && (await rig.graph.stop()));

  const restFor = (g: FakeGraph, certificatePem?: string, scope = `${g.sharePointResource}/.default`) =>
    new SharePointRest({ siteUrl: `${g.url}/sites/policy`, tokens: createTokenProvider({ ...graphTestConfig(g, certificatePem).credentials, scope }) });

  it("creates every view of the schema; a second run makes no writes; a changed view is updated in place", async () => {
    rig = await graphRig({ seed: ["incidents"], clientCertificatePem: pem, certificatePem: pem });
    const schema = loadListSchema("incidents");
    const list = rig.graph.list(schema.displayName)!;
    const rest = restFor(rig.graph, pem);

    const first = await provisionViews(rest, list.id, schema);
    assert.deepEqual(first.created, schema.views.map((v) => v.name));
    assert.equal(first.writes, schema.views.reduce((n, v) => n + 2 + v.fields.length, 0), "create, clear fields, add each field");
    for (const v of schema.views) {
      const made = list.views.find((x) => x.Title === v.name);
      assert.ok(made, v.name);
      assert.equal(made.ViewQuery, viewCaml(schema, v));
      assert.deepEqual(made.fields, v.fields);
      assert.equal(made.RowLimit, VIEW_ROW_LIMIT);
    }
    assert.ok(list.views.some((x) => x.Title === "All Items"), "views the schema does not name are left alone");

    const posts = rig.graph.sharePointCalls("POST");
    const second = await provisionViews(rest, list.id, schema);
    assert.deepEqual([second.created, second.updated, second.writes, second.unchanged.length], [[], [], 0, schema.views.length]);
    assert.equal(rig.graph.sharePointCalls("POST"), posts, "no writes on the second run");

    // someone edits two views by hand: the run puts them back, and only those
    list.views.find((x) => x.Title === "Öppna incidenter")!.ViewQuery = "";
    list.views.find((x) => x.Title === "Per månad")!.fields = ["LinkTitle"];
    const third = await provisionViews(rest, list.id, schema);
    assert.deepEqual(third.updated, ["Öppna incidenter (query)", "Per månad (fields)"]);
    assert.equal(list.views.find((x) => x.Title === "Öppna incidenter")!.ViewQuery, viewCaml(schema, schema.views[0]));
    assert.deepEqual(list.views.find((x) => x.Title === "Per månad")!.fields, schema.views[2].fields);
    assert.equal((await provisionViews(rest, list.id, schema)).writes, 0);
  });

  it("dry run writes nothing", async () => {
    rig = await graphRig({ seed: ["incidents"], clientCertificatePem: pem, certificatePem: pem });
    const schema = loadListSchema("incidents");
    const r = await provisionViews(restFor(rig.graph, pem), rig.graph.list(schema.displayName)!.id, schema, { dryRun: true });
    assert.equal(r.created.length, schema.views.length);
    assert.equal(rig.graph.sharePointCalls("POST"), 0);
  });

  it("the fake refuses secret-obtained and Graph tokens, unknown lists and bad bodies", async () => {
    rig = await graphRig({ seed: ["incidents"] });
    const schema = loadListSchema("incidents");
    const listId = rig.graph.list(schema.displayName)!.id;
    await assert.rejects(provisionViews(restFor(rig.graph), listId, schema), (e: SharePointRestError) => e.status === 401 && /Unsupported app only token/.test(e.message));
    await rig.graph.stop();

    rig = await graphRig({ seed: ["incidents"], clientCertificatePem: pem, certificatePem: pem });
    const id = rig.graph.list(schema.displayName)!.id;
    await assert.rejects(restFor(rig.graph, pem, "https://graph.microsoft.com/.default").request("GET", `web/lists(guid'${id}')/views`), (e: SharePointRestError) => e.status === 401);
    const rest = restFor(rig.graph, pem);
    await assert.rejects(rest.request("GET", `web/lists(guid'${randomUUID()}')/views`), (e: SharePointRestError) => e.status === 404);
    const view = { __metadata: { type: "SP.View" }, Title: "X", PersonalView: false, RowLimit: 10 };
    for (const bad of [
      { ...view, Colour: "red" },
      { ...view, __metadata: undefined },
      { ...view, ViewQuery: '<Where><Eq><FieldRef Name="NoSuchColumn" /><Value Type="Text">a</Value></Eq></Where>' },
      { ...view, ViewQuery: '<Where><Eq><FieldRef Name="Status" /></Where>' },
      { ...view, RowLimit: 0 },
    ]) {
      await assert.rejects(rest.request("POST", `web/lists(guid'${id}')/views`, bad), (e: SharePointRestError) => e.status === 400, JSON.stringify(bad));
    }
    const made = await rest.request<{ Id: string }>("POST", `web/lists(guid'${id}')/views`, view);
    await assert.rejects(rest.request("POST", `web/lists(guid'${id}')/views(guid'${made.Id}')/viewfields/addviewfield('Nope')`), (e: SharePointRestError) => e.status === 400);
  });
});
