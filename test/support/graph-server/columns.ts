// Column definitions as Graph keeps them, and strict checks of what clients send:
// column bodies (provisioning) and item fields (every write), as SharePoint would.
import type { ListSchema } from "../../../src/m365/list-schema";
import { badRequest, HttpError } from "./errors";

export interface ColumnDef {
  id: string;
  name: string;
  displayName: string;
  description?: string;
  required?: boolean;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  readOnly?: boolean;
  hidden?: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number; textType?: string; linesForEditing?: number };
  choice?: { choices: string[]; allowTextEntry?: boolean; displayAs?: string };
  number?: { decimalPlaces?: string; minimum?: number; maximum?: number };
  dateTime?: { format?: string; displayAs?: string };
  boolean?: Record<string, never>;
  defaultValue?: { value?: string };
}

const FACETS = ["text", "choice", "number", "dateTime", "boolean"] as const;
const COLUMN_KEYS = new Set(["name", "displayName", "description", "required", "indexed", "enforceUniqueValues", "hidden", "defaultValue", ...FACETS]);

export function typeOf(c: ColumnDef): "text" | "note" | "choice" | "multichoice" | "number" | "dateTime" | "boolean" {
  if (c.text) return c.text.allowMultipleLines ? "note" : "text";
  if (c.choice) return c.choice.displayAs === "checkBoxes" ? "multichoice" : "choice";
  if (c.number) return "number";
  if (c.dateTime) return "dateTime";
  return "boolean";
}

/** SharePoint's own columns on a generic list */
export function builtInColumns(newId: () => string): ColumnDef[] {
  return [
    { id: newId(), name: "Title", displayName: "Title", required: true, indexed: false, enforceUniqueValues: false, text: { allowMultipleLines: false, maxLength: 255 } },
    { id: newId(), name: "Created", displayName: "Created", readOnly: true, dateTime: { format: "dateTime" } },
    { id: newId(), name: "Modified", displayName: "Modified", readOnly: true, dateTime: { format: "dateTime" } },
    { id: newId(), name: "ContentType", displayName: "Content Type", readOnly: true, text: { maxLength: 255 } },
  ];
}

/** checks a column body for POST (create) or PATCH (update); returns the fields to store */
export function checkColumnBody(body: unknown, create: boolean, existing?: ColumnDef): Partial<ColumnDef> {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("Invalid request body: a column definition object was expected");
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!COLUMN_KEYS.has(k)) throw badRequest(`Unknown property '${k}' on columnDefinition`);
  const facets = FACETS.filter((f) => b[f] !== undefined);
  if (create) {
    if (typeof b.name !== "string" || !/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(b.name)) throw badRequest("A column name is required and may hold letters, digits and _");
    if (facets.length !== 1) throw badRequest("Exactly one column type facet (text, choice, number, dateTime, boolean) is required");
  } else {
    if (b.name !== undefined && b.name !== existing?.name) throw badRequest("The name of a column cannot be changed");
    if (facets.length > 1) throw badRequest("Only one column type facet may be given");
    if (facets.length === 1 && existing && !existing[facets[0]]) throw badRequest(`The column type cannot be changed to ${facets[0]}`);
  }
  for (const k of ["required", "indexed", "enforceUniqueValues", "hidden"]) if (b[k] !== undefined && typeof b[k] !== "boolean") throw badRequest(`'${k}' must be a boolean`);
  for (const k of ["displayName", "description"]) if (b[k] !== undefined && typeof b[k] !== "string") throw badRequest(`'${k}' must be a string`);
  const indexed = (b.indexed ?? existing?.indexed) === true;
  if (b.enforceUniqueValues === true && !indexed) throw badRequest("enforceUniqueValues requires the column to be indexed");
  if (b.choice !== undefined) {
    const ch = b.choice as { choices?: unknown };
    if (!Array.isArray(ch.choices) || ch.choices.length === 0 || !ch.choices.every((x) => typeof x === "string" && x.length > 0 && x.length <= 255)) throw badRequest("choice.choices must be a non-empty array of strings");
  }
  if (b.text !== undefined) {
    const t = b.text as { maxLength?: unknown; allowMultipleLines?: unknown };
    if (t.maxLength !== undefined && (typeof t.maxLength !== "number" || t.maxLength < 1 || t.maxLength > 255)) throw badRequest("text.maxLength must be 1..255");
    if (existing?.text && t.allowMultipleLines !== undefined && Boolean(t.allowMultipleLines) !== Boolean(existing.text.allowMultipleLines)) throw badRequest("allowMultipleLines cannot be changed");
  }
  return b as Partial<ColumnDef>;
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * checks item fields against the list's columns; `limits` are the infra schema's
 * multi-line maxima (SharePoint itself has none). Returns the values to store.
 */
export function checkFields(columns: ColumnDef[], body: unknown, create: boolean, limits: Map<string, number>): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("Invalid request body: fields must be an object");
  const fields = body as Record<string, unknown>;
  const byName = new Map(columns.map((c) => [c.name, c]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key.endsWith("@odata.type")) {
      const base = byName.get(key.slice(0, -"@odata.type".length));
      if (!base || typeOf(base) !== "multichoice" || value !== "Collection(Edm.String)") throw badRequest(`Invalid annotation '${key}'`);
      continue;
    }
    const col = byName.get(key);
    if (!col) throw badRequest(`Field '${key}' is not recognized`);
    if (col.readOnly) throw badRequest(`Field '${key}' is read-only`);
    if (value === null) {
      if (col.required) throw badRequest(`Field '${key}' is required and cannot be cleared`);
      out[key] = null;
      continue;
    }
    out[key] = checkValue(col, key, value, fields, limits.get(key));
  }
  if (create) {
    for (const c of columns) {
      if (c.required && !c.readOnly && (out[c.name] === undefined || out[c.name] === "")) {
        if (c.choice && c.defaultValue?.value) out[c.name] = c.defaultValue.value;
        else throw badRequest(`Field '${c.name}' is required`);
      }
    }
  }
  return out;
}

function checkValue(col: ColumnDef, key: string, v: unknown, all: Record<string, unknown>, noteLimit: number | undefined): unknown {
  const wrong = (what: string) => badRequest(`Field '${key}' expects ${what}; got ${Array.isArray(v) ? "an array" : typeof v}`);
  switch (typeOf(col)) {
    case "text":
      if (typeof v !== "string") throw wrong("a string");
      if (v.length > (col.text?.maxLength ?? 255)) throw badRequest(`Field '${key}' is longer than ${col.text?.maxLength ?? 255} characters`);
      return v;
    case "note":
      if (typeof v !== "string") throw wrong("a string");
      if (noteLimit !== undefined && v.length > noteLimit) throw badRequest(`Field '${key}' is longer than ${noteLimit} characters`);
      if (v.length > 63999) throw badRequest(`Field '${key}' is too long`);
      return v;
    case "dateTime":
      if (typeof v !== "string" || !ISO.test(v) || Number.isNaN(Date.parse(v))) throw wrong("an ISO 8601 date");
      return new Date(Date.parse(v)).toISOString().replace(/\.\d{3}Z$/, "Z");
    case "number":
      if (typeof v !== "number" || !Number.isFinite(v)) throw wrong("a number");
      if ((col.number?.minimum !== undefined && v < col.number.minimum) || (col.number?.maximum !== undefined && v > col.number.maximum)) throw badRequest(`Field '${key}' is out of range`);
      return v;
    case "boolean":
      if (typeof v !== "boolean") throw wrong("a boolean");
      return v;
    case "choice":
      if (typeof v !== "string") throw wrong("a string");
      if (!col.choice!.allowTextEntry && !col.choice!.choices.includes(v)) throw badRequest(`Field '${key}': '${v.slice(0, 50)}' is not one of its choices`);
      return v;
    case "multichoice":
      if (all[`${key}@odata.type`] !== "Collection(Edm.String)") throw new HttpError(400, "invalidRequest", `A value without a type name was found for '${key}': add '${key}@odata.type': 'Collection(Edm.String)'`);
      if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw wrong("an array of strings");
      for (const x of v) if (!col.choice!.allowTextEntry && !col.choice!.choices.includes(x)) throw badRequest(`Field '${key}': '${String(x).slice(0, 50)}' is not one of its choices`);
      return [...v];
  }
}

/** multi-line maxima from an infra schema, which SharePoint cannot hold itself */
export function noteLimits(schema: ListSchema | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of schema?.columns ?? []) if (c.type === "note") m.set(c.name, c.maxLength);
  return m;
}
