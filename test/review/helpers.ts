import { detectAll } from "../../src/review/engine";
import type { FindingType } from "../../src/review/types";

/** the values found of one type, as text */
export function found(text: string, type: FindingType): string[] {
  return detectAll(text).filter((f) => f.type === type).map((f) => text.slice(f.start, f.end));
}

export function types(text: string): FindingType[] {
  return [...new Set(detectAll(text).map((f) => f.type))].sort();
}
