// The check of one image's bytes, in memory: provenance from src/images, plus a decode
// test for files the container walk found nothing in (so "corrupt" is not reported as
// "no metadata"). The bytes are dropped when this returns.
import { sharp } from "../../images/lazy-sharp";
import { detectProvenance, type ProvenanceResult } from "../../images";

export type ImageProblem = "empty" | "notImage" | "corrupt";

export type CheckResult = { kind: "checked"; result: ProvenanceResult } | { kind: "problem"; code: ImageProblem; format: string };

export async function checkImage(bytes: Uint8Array): Promise<CheckResult> {
  const result = detectProvenance(bytes);
  if (result.notes.includes("empty-file")) return { kind: "problem", code: "empty", format: result.format };
  if (result.notes.includes("unrecognised-format")) return { kind: "problem", code: "notImage", format: result.format };
  if (result.verdict !== "unknown") return { kind: "checked", result };
  if (result.notes.includes("corrupt") || result.notes.includes("truncated") || !(await decodes(bytes))) return { kind: "problem", code: "corrupt", format: result.format };
  return { kind: "checked", result };
}

/** reads the header and the size: enough to tell a broken file from an image without metadata */
async function decodes(bytes: Uint8Array): Promise<boolean> {
  try {
    const m = await sharp(bytes, { failOn: "error" }).metadata();
    return !!m.width && !!m.height;
  } catch {
    return false;
  }
}
