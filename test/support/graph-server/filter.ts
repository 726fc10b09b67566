// The small OData subset Graph accepts on list items: `fields/X op literal` joined by
// `and`. Anything else is a 400, as it would be on Graph.
import { badRequest } from "./errors";

export interface Clause {
  field: string;
  op: "eq" | "ne" | "lt" | "le" | "gt" | "ge";
  value: string | number | boolean;
}

const CLAUSE = /^fields\/([A-Za-z_][A-Za-z0-9_]*)\s+(eq|ne|lt|le|gt|ge)\s+('(?:[^']|'')*'|-?\d+(?:\.\d+)?|true|false)$/;

export function parseFilter(expr: string): Clause[] {
  const parts = splitAnd(expr.trim());
  return parts.map((p) => {
    const m = CLAUSE.exec(p.trim());
    if (!m) throw badRequest(`Invalid filter clause: ${p.trim().slice(0, 100)}`);
    const raw = m[3];
    const value = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw === "true" ? true : raw === "false" ? false : Number(raw);
    return { field: m[1], op: m[2] as Clause["op"], value };
  });
}

/** splits on ` and ` outside string literals */
function splitAnd(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") inStr = !inStr;
    if (!inStr && s.slice(i, i + 5).toLowerCase() === " and ") {
      out.push(cur);
      cur = "";
      i += 4;
      continue;
    }
    cur += ch;
  }
  if (inStr) throw badRequest("Invalid filter clause: unterminated string");
  out.push(cur);
  return out;
}

export function compare(a: unknown, clause: Clause, type: string): boolean {
  let left: unknown = a;
  let right: unknown = clause.value;
  if (type === "boolean") {
    left = a === true ? 1 : 0;
    right = right === true || right === 1 || right === "1" ? 1 : 0;
  } else if (type === "dateTime") {
    left = typeof a === "string" ? Date.parse(a) : undefined;
    right = typeof right === "string" ? Date.parse(right) : right;
  }
  if (left === undefined || left === null) return clause.op === "ne";
  switch (clause.op) {
    case "eq":
      return Array.isArray(left) ? left.includes(right) : left === right;
    case "ne":
      return left !== right;
    case "lt":
      return (left as number) < (right as number);
    case "le":
      return (left as number) <= (right as number);
    case "gt":
      return (left as number) > (right as number);
    case "ge":
      return (left as number) >= (right as number);
  }
}
