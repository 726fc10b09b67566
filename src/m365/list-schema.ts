// SharePoint list schemas are data (infra/sharepoint/*.list.json). This file is their
// shape, their loader, and the mapping to Graph columnDefinition bodies. Provisioning,
// the list adapters and the test's fake Graph all read the same files. The product's two
// are imported, so tsc puts them in dist/ and the build runs without infra/.
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { projectRoot } from "../project-root";
import { BoundedMap } from "../util/bounded-map";
import incidentsList from "../../infra/sharepoint/incidents.list.json";
import approvalsList from "../../infra/sharepoint/approvals.list.json";

const name = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/, "an internal column name: ASCII letters and digits");
const base = {
  name,
  displayName: z.string().min(1).max(255),
  description: z.string().max(255).optional(),
  required: z.boolean().default(false),
  /** indexed columns can be used in $filter/$orderby without the "may fail randomly" header */
  indexed: z.boolean().default(false),
  /** SharePoint enforces unique values (needs indexed) */
  unique: z.boolean().default(false),
};

export const columnSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("text"), maxLength: z.number().int().min(1).max(255) }),
  /** multi-line plain text; maxLength is ours (SharePoint has none), checked by the fake and by validation */
  z.object({ ...base, type: z.literal("note"), maxLength: z.number().int().min(1).max(63999) }),
  z.object({ ...base, type: z.literal("dateTime") }),
  z.object({ ...base, type: z.literal("number"), minimum: z.number().optional(), maximum: z.number().optional() }),
  z.object({ ...base, type: z.literal("boolean") }),
  z.object({
    ...base,
    type: z.literal("choice"),
    choices: z.array(z.string().min(1).max(255)).min(1),
    multi: z.boolean().default(false),
    default: z.string().optional(),
  }),
]);
export type ColumnSpec = z.infer<typeof columnSchema>;

const viewSchema = z.object({
  name: z.string().min(1),
  fields: z.array(z.string()).min(1),
  filter: z.array(z.object({ field: z.string(), op: z.enum(["eq", "ne", "lt", "le", "gt", "ge"]), value: z.union([z.string(), z.boolean(), z.number()]) })).optional(),
  orderBy: z.array(z.object({ field: z.string(), descending: z.boolean().default(false) })).optional(),
  groupBy: z.object({ field: z.string() }).optional(),
});
export type ViewSpec = z.infer<typeof viewSchema>;

export const listSchemaSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]*$/),
    displayName: z.string().min(1).max(255),
    description: z.string().max(1000).default(""),
    titleMeaning: z.string().optional(),
    columns: z.array(columnSchema).min(1),
    /** settings for SharePoint's own columns (Title): display name, index */
    builtIn: z.array(z.object({ name: z.literal("Title"), displayName: z.string().min(1).max(255), indexed: z.boolean().default(false), unique: z.boolean().default(false) })).default([]),
    views: z.array(viewSchema).default([]),
  })
  .superRefine((s, ctx) => {
    const names = new Set<string>();
    for (const c of s.columns) {
      if (names.has(c.name)) ctx.addIssue({ code: "custom", message: `duplicate column ${c.name}` });
      names.add(c.name);
      if (c.unique && !c.indexed) ctx.addIssue({ code: "custom", message: `${c.name}: unique columns must be indexed` });
    }
    names.add("Title");
    for (const v of s.views) {
      for (const f of [...v.fields, ...(v.filter ?? []).map((x) => x.field), ...(v.orderBy ?? []).map((x) => x.field), ...(v.groupBy ? [v.groupBy.field] : [])]) {
        if (!names.has(f)) ctx.addIssue({ code: "custom", message: `view ${v.name}: unknown column ${f}` });
      }
    }
  });
export type ListSchema = z.infer<typeof listSchemaSchema>;

export type ListKey = "incidents" | "approvals";

/** infra/sharepoint in the source tree (the product's schemas are compiled in: see BUILT_IN) */
export function schemaDir(): string {
  return path.join(projectRoot(), "infra", "sharepoint");
}

const BUILT_IN: Record<ListKey, unknown> = { incidents: incidentsList, approvals: approvalsList };

// by file: two lists in the product, a few more in tests (least recently used goes first)
const cache = new BoundedMap<string, ListSchema>({ max: 32 });

/** schemas cached (never more than the bound) */
export function listSchemaCacheSize(): number {
  return cache.size;
}

/** validates infra/sharepoint/<key>.list.json (built in), or reads <dir>/<key>.list.json; cached */
export function loadListSchema(key: ListKey | string, dir?: string): ListSchema {
  const builtIn = dir === undefined;
  if (builtIn && !Object.hasOwn(BUILT_IN, key)) throw new Error(`no built-in list schema "${key}" (known: ${Object.keys(BUILT_IN).join(", ")})`);
  const file = builtIn ? path.join("infra", "sharepoint", `${key}.list.json`) : path.join(dir, `${key}.list.json`);
  const cacheKey = builtIn ? `built-in:${key}` : file;
  let s = cache.get(cacheKey);
  if (!s) {
    const raw: unknown = builtIn ? BUILT_IN[key as ListKey] : JSON.parse(fs.readFileSync(file, "utf8"));
    const parsed = listSchemaSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    s = parsed.data;
    cache.set(cacheKey, s);
  }
  return s;
}

/** indexed columns, SharePoint's own included */
export function indexedColumns(schema: ListSchema): string[] {
  return [...schema.builtIn.filter((b) => b.indexed).map((b) => b.name), ...schema.columns.filter((c) => c.indexed).map((c) => c.name)];
}

export function column(schema: ListSchema, name: string): ColumnSpec {
  const c = schema.columns.find((x) => x.name === name);
  if (!c) throw new Error(`list ${schema.key} has no column ${name}`);
  return c;
}

/** the Graph columnDefinition body for a column spec (create or update) */
export function toGraphColumn(c: ColumnSpec): Record<string, unknown> {
  const common: Record<string, unknown> = {
    name: c.name,
    displayName: c.displayName,
    description: c.description ?? "",
    required: c.required,
    indexed: c.indexed,
    enforceUniqueValues: c.unique,
  };
  switch (c.type) {
    case "text":
      return { ...common, text: { allowMultipleLines: false, maxLength: c.maxLength } };
    case "note":
      return { ...common, text: { allowMultipleLines: true, textType: "plain", linesForEditing: 6 } };
    case "dateTime":
      return { ...common, dateTime: { format: "dateTime", displayAs: "standard" } };
    case "number":
      return { ...common, number: { decimalPlaces: "none", ...(c.minimum !== undefined ? { minimum: c.minimum } : {}), ...(c.maximum !== undefined ? { maximum: c.maximum } : {}) } };
    case "boolean":
      return { ...common, boolean: {} };
    case "choice":
      return {
        ...common,
        ...(c.default !== undefined ? { defaultValue: { value: c.default } } : {}),
        choice: { choices: c.choices, allowTextEntry: false, displayAs: c.multi ? "checkBoxes" : "dropDownMenu" },
      };
  }
}
