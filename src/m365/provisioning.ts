// Idempotent create-or-update of a SharePoint list from its schema (infra/sharepoint):
// the list, its columns (type, choices, required, index, unique) and SharePoint's own
// Title column. A second run changes nothing. Graph has no API for list views: views
// are data in the schema, made through SharePoint REST (sharepoint-views.ts).
import type { Client } from "@microsoft/microsoft-graph-client";
import { toGraphColumn, type ColumnSpec, type ListSchema } from "./list-schema";
import { call, findList, sitePath } from "./sharepoint-list";

export interface ProvisionReport {
  list: string;
  listId?: string;
  listCreated: boolean;
  created: string[];
  updated: string[];
  unchanged: string[];
  /** columns that differ in a way Graph cannot change (type): fix by hand */
  conflicts: string[];
  /** number of Graph writes made */
  writes: number;
}

interface GraphColumn {
  id: string;
  name: string;
  displayName?: string;
  description?: string;
  required?: boolean;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  readOnly?: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number };
  choice?: { choices?: string[]; displayAs?: string; allowTextEntry?: boolean };
  number?: { minimum?: number; maximum?: number };
  dateTime?: object;
  boolean?: object;
  defaultValue?: { value?: string };
}

export async function provisionList(client: Client, site: string, schema: ListSchema, opts: { dryRun?: boolean; listName?: string } = {}): Promise<ProvisionReport> {
  const name = opts.listName ?? schema.displayName;
  const report: ProvisionReport = { list: name, listCreated: false, created: [], updated: [], unchanged: [], conflicts: [], writes: 0 };
  const siteId = (await call<{ id: string }>("GET", () => client.api(sitePath(site)).select("id").get())).id;
  let list = await findList(client, siteId, name);
  if (!list) {
    report.listCreated = true;
    if (opts.dryRun) {
      report.created.push(...schema.columns.map((c) => c.name));
      return report;
    }
    list = await call<{ id: string; displayName: string }>("POST", () =>
      client.api(`/sites/${siteId}/lists`).post({ displayName: name, description: schema.description, columns: schema.columns.map(toGraphColumn), list: { template: "genericList" } }),
    );
    report.writes++;
  }
  report.listId = list.id;
  const base = `/sites/${siteId}/lists/${list.id}/columns`;
  const existing = (await call<{ value: GraphColumn[] }>("GET", () => client.api(base).get())).value;
  const byName = new Map(existing.map((c) => [c.name, c]));

  for (const b of schema.builtIn) {
    const cur = byName.get(b.name);
    if (!cur) {
      report.conflicts.push(`${b.name}: SharePoint's own column is missing`);
      continue;
    }
    const want = { displayName: b.displayName, indexed: b.indexed, enforceUniqueValues: b.unique };
    const diff = changed(cur as unknown as Record<string, unknown>, want);
    if (!diff) report.unchanged.push(b.name);
    else {
      if (!opts.dryRun) await patch(client, `${base}/${cur.id}`, want, report);
      report.updated.push(`${b.name} (${diff})`);
    }
  }

  for (const spec of schema.columns) {
    const cur = byName.get(spec.name);
    const body = toGraphColumn(spec);
    if (!cur) {
      if (!opts.dryRun) {
        await call("POST", () => client.api(base).post(body));
        report.writes++;
      }
      report.created.push(spec.name);
      continue;
    }
    const typeNow = typeOf(cur);
    if (typeNow !== baseType(spec)) {
      report.conflicts.push(`${spec.name}: is ${typeNow} on the site, ${spec.type} in the schema`);
      continue;
    }
    const diff = columnDiff(cur, spec);
    if (!diff) report.unchanged.push(spec.name);
    else {
      // name and type stay; everything else is sent as the schema has it
      const { name: _n, ...rest } = body;
      void _n;
      if (!opts.dryRun) await patch(client, `${base}/${cur.id}`, rest, report);
      report.updated.push(`${spec.name} (${diff})`);
    }
  }
  return report;
}

async function patch(client: Client, path: string, body: Record<string, unknown>, report: ProvisionReport): Promise<void> {
  await call("PATCH", () => client.api(path).patch(body));
  report.writes++;
}

function typeOf(c: GraphColumn): string {
  if (c.text) return c.text.allowMultipleLines ? "note" : "text";
  if (c.choice) return "choice";
  if (c.number) return "number";
  if (c.dateTime) return "dateTime";
  if (c.boolean) return "boolean";
  return "other";
}

const baseType = (s: ColumnSpec) => s.type;

function changed(cur: Record<string, unknown>, want: Record<string, unknown>): string | undefined {
  const keys = Object.keys(want).filter((k) => (cur[k] ?? defaults[k]) !== want[k]);
  return keys.length ? keys.join(", ") : undefined;
}
const defaults: Record<string, unknown> = { required: false, indexed: false, enforceUniqueValues: false, description: "" };

function columnDiff(cur: GraphColumn, s: ColumnSpec): string | undefined {
  const diffs: string[] = [];
  const top = changed(cur as unknown as Record<string, unknown>, { displayName: s.displayName, description: s.description ?? "", required: s.required, indexed: s.indexed, enforceUniqueValues: s.unique });
  if (top) diffs.push(top);
  if (s.type === "text" && cur.text?.maxLength !== s.maxLength) diffs.push("maxLength");
  if (s.type === "choice") {
    if (JSON.stringify(cur.choice?.choices ?? []) !== JSON.stringify(s.choices)) diffs.push("choices");
    if ((cur.choice?.displayAs === "checkBoxes") !== s.multi) diffs.push("multi");
    if ((cur.defaultValue?.value || undefined) !== s.default) diffs.push("default");
  }
  if (s.type === "number" && (cur.number?.minimum !== s.minimum || cur.number?.maximum !== s.maximum)) diffs.push("range");
  return diffs.length ? diffs.join(", ") : undefined;
}
