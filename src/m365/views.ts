// List views as data -> CAML. Microsoft Graph has no API for list views: with a
// certificate the provisioning script creates them through SharePoint's REST API
// (sharepoint-views.ts); otherwise --print-views gives CLI for Microsoft 365 commands
// (`m365 spo list view add`, with the view's CAML) to run by hand.
import type { ListSchema, ViewSpec } from "./list-schema";

const CAML_OP = { eq: "Eq", ne: "Neq", lt: "Lt", le: "Leq", gt: "Gt", ge: "Geq" } as const;

function camlType(schema: ListSchema, field: string): string {
  const c = schema.columns.find((x) => x.name === field);
  if (!c) return "Text";
  return { text: "Text", note: "Note", dateTime: "DateTime", number: "Number", boolean: "Boolean", choice: c.type === "choice" && c.multi ? "MultiChoice" : "Choice" }[c.type];
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function viewCaml(schema: ListSchema, v: ViewSpec): string {
  const parts: string[] = [];
  if (v.groupBy) parts.push(`<GroupBy Collapse="TRUE"><FieldRef Name="${v.groupBy.field}" /></GroupBy>`);
  if (v.filter?.length) {
    const conds = v.filter.map((f) => `<${CAML_OP[f.op]}><FieldRef Name="${f.field}" /><Value Type="${camlType(schema, f.field)}">${xml(typeof f.value === "boolean" ? (f.value ? "1" : "0") : String(f.value))}</Value></${CAML_OP[f.op]}>`);
    const where = conds.reduce((acc, c) => (acc ? `<And>${acc}${c}</And>` : c), "");
    parts.push(`<Where>${where}</Where>`);
  }
  if (v.orderBy?.length) parts.push(`<OrderBy>${v.orderBy.map((o) => `<FieldRef Name="${o.field}" Ascending="${o.descending ? "FALSE" : "TRUE"}" />`).join("")}</OrderBy>`);
  return parts.join("");
}

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** one `m365 spo list view add` per view of the schema */
export function viewCommands(schema: ListSchema, webUrl: string, listTitle = schema.displayName): string[] {
  return schema.views.map((v) =>
    ["m365 spo list view add", `--webUrl ${sh(webUrl)}`, `--listTitle ${sh(listTitle)}`, `--title ${sh(v.name)}`, `--fields ${sh(v.fields.join(","))}`, `--viewQuery ${sh(viewCaml(schema, v))}`].join(" "),
  );
}
