// $filter expressions from validated values only: field names must be indexed columns
// of the schema, values are typed, strings are quoted with '' doubling and may not carry
// control characters. Free text never reaches a filter.
import { indexedColumns, type ListSchema } from "./list-schema";

export type FilterOp = "eq" | "ne" | "lt" | "le" | "gt" | "ge";
export interface Condition {
  field: string;
  op: FilterOp;
  value: string | number | boolean;
}

export function literal(v: string | number | boolean): string {
  if (typeof v === "boolean") return v ? "1" : "0"; // SharePoint boolean fields filter as 1/0
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error("odata: not a finite number");
    return String(v);
  }
  if (/[\u0000-\u001f\u007f]/.test(v) || v.length > 255) throw new Error("odata: unsafe string literal");
  return `'${v.replace(/'/g, "''")}'`;
}

/** `fields/A eq 'x' and fields/B eq 1`; throws on a column that is not indexed */
export function filterExpr(schema: ListSchema, conds: Condition[]): string {
  const indexed = new Set(indexedColumns(schema));
  return conds
    .map((c) => {
      if (!indexed.has(c.field)) throw new Error(`odata: ${c.field} is not an indexed column of ${schema.key}`);
      return `fields/${c.field} ${c.op} ${literal(c.value)}`;
    })
    .join(" and ");
}
