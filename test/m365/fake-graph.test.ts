// The fake Graph is only worth its tests if it refuses what Graph refuses: these pin
// its strictness (schema from infra/, Graph-shaped errors, bearer tokens, indexed filters).
import assert from "node:assert/strict";
import { ManualClock } from "../../src/incidents/clock";
import { toFields } from "../../src/m365/incident-store.sharepoint";
import { startFakeGraph, type FakeGraph } from "../support/graph-server";
import { sampleIncident } from "./helpers";

async function token(g: FakeGraph): Promise<string> {
  const r = await fetch(`${g.url}/${g.tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: g.clientId, client_secret: g.clientSecret!, scope: "https://graph.microsoft.com/.default" }),
  });
  assert.equal(r.status, 200);
  return ((await r.json()) as { access_token: string }).access_token;
}

describe("fake Graph server strictness", () => {
  let g: FakeGraph;
  let auth: Record<string, string>;
  let items: string;
  before(async () => {
    g = await startFakeGraph({ seed: ["incidents"], clock: new ManualClock() });
    auth = { authorization: `Bearer ${await token(g)}`, "content-type": "application/json" };
    items = `${g.url}/v1.0/sites/${g.siteId}/lists/${g.list("AI-incidenter")!.id}/items`;
  });
  after(() => g.stop());

  const post = (fields: Record<string, unknown>, headers = auth) => fetch(items, { method: "POST", headers, body: JSON.stringify({ fields }) });
  async function expectError(r: Response, status: number, msg: RegExp) {
    assert.equal(r.status, status);
    const body = (await r.json()) as { error: { code: string; message: string; innerError: { "request-id": string } } };
    assert.equal(typeof body.error.code, "string");
    assert.match(body.error.message, msg);
    assert.ok(body.error.innerError["request-id"]);
  }

  it("accepts a valid item and answers with fields and webUrl", async () => {
    const r = await post(toFields(sampleIncident()));
    assert.equal(r.status, 201);
    const item = (await r.json()) as { id: string; webUrl: string; fields: Record<string, unknown> };
    assert.match(item.webUrl, /DispForm\.aspx\?ID=/);
    assert.deepEqual(item.fields.InfoKinds, ["Personuppgifter", "Kunddata"]);
  });

  it("unknown column: 400 with a Graph-shaped error", async () => {
    await expectError(await post({ ...toFields(sampleIncident()), Nonsense: "x" }), 400, /Field 'Nonsense' is not recognized/);
  });

  it("wrong types: 400", async () => {
    await expectError(await post({ ...toFields(sampleIncident()), PeopleAffected: "forty" }), 400, /PeopleAffected' expects a number/);
    await expectError(await post({ ...toFields(sampleIncident()), PersonalData: "yes" }), 400, /expects a boolean/);
    await expectError(await post({ ...toFields(sampleIncident()), OccurredAt: "igår" }), 400, /ISO 8601/);
    await expectError(await post({ ...toFields(sampleIncident()), Status: "Pågår" }), 400, /not one of its choices/);
    await expectError(await post({ ...toFields(sampleIncident()), Tool: "x".repeat(256) }), 400, /longer than 255/);
    await expectError(await post({ ...toFields(sampleIncident()), Description: "x".repeat(10_001) }), 400, /longer than 10000/);
  });

  it("multi-choice without its @odata.type annotation: 400", async () => {
    const f = toFields(sampleIncident());
    delete f["InfoKinds@odata.type"];
    await expectError(await post(f), 400, /without a type name/);
  });

  it("missing required field, read-only field, duplicate unique value", async () => {
    const f = toFields(sampleIncident());
    delete f.Tool;
    await expectError(await post(f), 400, /Field 'Tool' is required/);
    await expectError(await post({ ...toFields(sampleIncident()), Created: "2026-01-01T00:00:00Z" }), 400, /read-only/);
    const dup = sampleIncident();
    assert.equal((await post(toFields(dup))).status, 201);
    await expectError(await post(toFields({ ...dup, reference: "INC-2026-AAAA-BBBB" })), 409, /ReportId' must be unique/);
  });

  it("no or bad bearer token: 401", async () => {
    await expectError(await post(toFields(sampleIncident()), { "content-type": "application/json" }), 401, /empty/);
    await expectError(await post(toFields(sampleIncident()), { "content-type": "application/json", authorization: "Bearer forged" }), 401, /validation failure/);
  });

  it("filters: indexed columns only (unless the Prefer header), and no expressions beyond field op literal", async () => {
    const q = (f: string, h = auth) => fetch(`${items}?$expand=fields&$filter=${encodeURIComponent(f)}`, { headers: h });
    assert.equal((await q("fields/Status eq 'Ny'")).status, 200);
    await expectError(await q("fields/Tool eq 'ChatGPT'"), 400, /not indexed/);
    assert.equal((await q("fields/Tool eq 'ChatGPT'", { ...auth, prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" })).status, 200);
    await expectError(await q("fields/Status eq 'Ny' or 1 eq 1"), 400, /Invalid filter clause/);
    await expectError(await q("startswith(fields/Title,'INC')"), 400, /Invalid filter clause/);
  });

  it("pages with @odata.nextLink", async () => {
    const r = await fetch(`${items}?$expand=fields&$top=1`, { headers: auth });
    const body = (await r.json()) as { value: unknown[]; "@odata.nextLink"?: string };
    assert.equal(body.value.length, 1);
    assert.match(body["@odata.nextLink"] ?? "", /skiptoken=1/);
    const next = await fetch(body["@odata.nextLink"]!, { headers: auth });
    assert.equal(((await next.json()) as { value: unknown[] }).value.length, 1);
  });
});
