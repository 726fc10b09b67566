// Provenance detection from a file's bytes: walk the container, read C2PA, XMP,
// EXIF and PNG text, and weigh what they say. Pure: no I/O, never throws.
import { readC2paStore, C2paManifest } from "./c2pa";
import { walkJpeg } from "./containers/jpeg";
import { walkOther } from "./containers/other";
import { walkPng } from "./containers/png";
import { walkWebp } from "./containers/webp";
import type { Extracted, TextChunk } from "./containers/extracted";
import { readExifText } from "./exif";
import { isAiSourceType, knownGenerator, saysAiGenerated, sourceTypeCode } from "./generators";
import { sniffFormat } from "./sniff";
import type { Evidence, ImageFormat, ProvenanceNote, ProvenanceResult } from "./types";
import { readXmp } from "./xmp";

/** how sure a generator name is: lower wins (a C2PA action's agent beats a claim generator's product name) */
type Rank = 0 | 1 | 2 | 3;

class Findings {
  evidence: Evidence[] = [];
  notes = new Set<ProvenanceNote>();
  private generators: Array<{ name: string; rank: Rank }> = [];

  add(kind: Evidence["kind"], weight: Evidence["weight"], detail: string, generator?: string, rank: Rank = 1): void {
    this.evidence.push({ kind, weight, detail: clip(detail) });
    if (generator && weight !== "info") this.generators.push({ name: generator, rank });
  }

  generator(): string | undefined {
    const sorted = [...this.generators].sort((a, b) => a.rank - b.rank);
    return sorted[0]?.name;
  }
}

export function detectProvenance(bytes: Uint8Array): ProvenanceResult {
  let format: ImageFormat = "unknown";
  try {
    format = sniffFormat(bytes);
    if (bytes.length === 0) return unknownResult(format, ["empty-file"], "the file is empty");
    if (format === "unknown") return unknownResult(format, ["unrecognised-format"], "not a JPEG, PNG, WebP, GIF, TIFF, HEIF/AVIF or BMP signature");
    const extracted = walk(format, bytes);
    return weigh(extracted);
  } catch (err) {
    // a walker bug or a case we did not foresee: still a clear answer, never a crash
    return unknownResult(format, ["corrupt"], `could not read the file: ${(err as Error)?.message ?? String(err)}`);
  }
}

function walk(format: ImageFormat, bytes: Uint8Array): Extracted {
  switch (format) {
    case "jpeg": return walkJpeg(bytes);
    case "png": return walkPng(bytes);
    case "webp": return walkWebp(bytes);
    default: return walkOther(format, bytes);
  }
}

function unknownResult(format: ImageFormat, notes: ProvenanceNote[], error: string): ProvenanceResult {
  return { verdict: "unknown", evidence: [], format, notes, error };
}

function weigh(x: Extracted): ProvenanceResult {
  const f = new Findings();
  if (!["jpeg", "png", "webp"].includes(x.format)) f.notes.add("limited-format");
  readC2pa(x, f);
  readXmpFacts(x, f);
  readExif(x, f);
  readPngText(x.text, f);

  const verdict = f.evidence.some((e) => e.weight === "ai") ? "ai" : f.evidence.some((e) => e.weight === "likely") ? "likely" : "unknown";
  if (x.problem) f.notes.add(x.problem.kind);
  if (verdict === "unknown") {
    if (!f.evidence.length) f.notes.add("no-provenance");
    f.notes.add("metadata-can-be-stripped");
  }
  const order = { ai: 0, likely: 1, info: 2 } as const;
  const evidence = [...f.evidence].sort((a, b) => order[a.weight] - order[b.weight]); // stable: file order within a weight
  const result: ProvenanceResult = { verdict, evidence, format: x.format, notes: [...f.notes] };
  const generator = verdict === "unknown" ? undefined : f.generator();
  if (generator) result.generator = generator;
  if (x.problem) result.error = x.problem.detail;
  return result;
}

function readC2pa(x: Extracted, f: Findings): void {
  for (const run of x.jumbf) {
    let manifests: C2paManifest[];
    try {
      const store = readC2paStore(run);
      if (!store) continue;
      manifests = store.manifests;
    } catch (err) {
      f.notes.add("c2pa-unreadable");
      f.add("c2pa", "info", `C2PA data present but damaged: ${(err as Error).message}`);
      continue;
    }
    f.notes.add("signature-not-verified");
    for (const m of manifests) readManifest(m, f);
  }
}

function readManifest(m: C2paManifest, f: Findings): void {
  const where = m.active ? "active manifest" : "ingredient manifest";
  const by = m.claimGenerator ? `claim generator "${m.claimGenerator}"` : "no claim generator";
  const claimGen = knownGenerator(m.claimGenerator);
  let ai = false;
  for (const a of m.actions) {
    const agent = a.softwareAgent ? ` by "${a.softwareAgent}"` : "";
    const desc = a.description ? `, description "${a.description}"` : "";
    const genName = knownGenerator(a.softwareAgent) ?? a.softwareAgent ?? claimGen;
    if (a.digitalSourceType && isAiSourceType(a.digitalSourceType)) {
      ai = true;
      f.add("c2pa", "ai", `C2PA ${where}: ${a.action}${agent}, digitalSourceType ${sourceTypeCode(a.digitalSourceType)} (${by})`, genName, a.softwareAgent ? 0 : 2);
    } else if (/^c2pa\.created$/.test(a.action) && (knownGenerator(a.softwareAgent) || claimGen || saysAiGenerated(a.description))) {
      // Bing Image Creator states no digitalSourceType; its claim and description say it all
      ai = true;
      f.add("c2pa", "ai", `C2PA ${where}: ${a.action}${agent}${desc}, no digitalSourceType (${by})`, genName, a.softwareAgent ? 0 : 2);
    } else if (a.digitalSourceType) {
      const code = sourceTypeCode(a.digitalSourceType);
      if (code === "algorithmicMedia") f.notes.add("declared-not-ai");
      f.add("c2pa", "info", `C2PA ${where}: ${a.action}${agent}, digitalSourceType ${code} (not generative AI)`);
    }
  }
  for (const t of m.otherSourceTypes) {
    if (isAiSourceType(t)) {
      ai = true;
      f.add("c2pa", "ai", `C2PA ${where}: digitalSourceType ${sourceTypeCode(t)} (${by})`, claimGen, 2);
    } else f.add("c2pa", "info", `C2PA ${where}: digitalSourceType ${sourceTypeCode(t)} (not generative AI)`);
  }
  if (!ai) {
    const title = m.title ? `, title "${m.title}"` : "";
    const ingr = m.ingredients.length ? `, ${m.ingredients.length} ingredient(s)` : "";
    f.add("c2pa", "info", `C2PA ${where} (${by}${title}${ingr}) with no generative-AI marker of its own`);
  }
  if (m.unreadable.length) f.notes.add("c2pa-unreadable");
}

function readXmpFacts(x: Extracted, f: Findings): void {
  if (!x.xmp.length) return;
  const xmp = readXmp(x.xmp);
  const tool = [...xmp.creatorTools, ...xmp.credits].map((t) => knownGenerator(t)).find(Boolean);
  for (const dst of xmp.digitalSourceTypes) {
    const code = sourceTypeCode(dst);
    if (isAiSourceType(dst)) f.add("iptc", "ai", `XMP Iptc4xmpExt:DigitalSourceType ${code}`, tool ?? xmp.creatorTools[0], tool ? 1 : 3);
    else {
      if (code === "algorithmicMedia") f.notes.add("declared-not-ai");
      f.add("iptc", "info", `XMP Iptc4xmpExt:DigitalSourceType ${code} (not generative AI)`);
    }
  }
  for (const url of xmp.provenance) {
    f.notes.add("remote-manifest");
    f.add("remote-manifest", "info", `XMP dcterms:provenance points to a manifest stored elsewhere: ${url}`);
  }
  for (const t of xmp.creatorTools) {
    const g = knownGenerator(t);
    f.add("software", g ? "ai" : "info", `XMP CreatorTool/Software "${t}"`, g);
  }
  for (const c of xmp.credits) {
    if (saysAiGenerated(c) || knownGenerator(c)) f.add("software", "likely", `XMP photoshop:Credit "${c}"`, knownGenerator(c), 1);
  }
  for (const t of xmp.historyAgents) {
    const g = knownGenerator(t);
    if (g) f.add("software", "likely", `XMP edit history softwareAgent "${t}"`, g, 2);
  }
}

function readExif(x: Extracted, f: Findings): void {
  for (const block of x.exif) {
    const e = readExifText(block);
    if (e.software) {
      const g = knownGenerator(e.software);
      f.add("software", g ? "ai" : "info", `EXIF Software "${e.software}"`, g);
    }
    for (const [field, value] of [["Make", e.make], ["Model", e.model], ["Artist", e.artist], ["ImageDescription", e.description]] as const) {
      if (!value) continue;
      const g = knownGenerator(value);
      if (g || saysAiGenerated(value)) f.add("software", "likely", `EXIF ${field} "${value}"`, g, 2);
    }
    if (e.userComment) {
      if (isA1111(e.userComment)) f.add("generator-metadata", "ai", `EXIF UserComment holds Stable Diffusion parameters (AUTOMATIC1111 format)${model(e.userComment)}`, "Stable Diffusion", 1);
      else if (knownGenerator(e.userComment) || saysAiGenerated(e.userComment)) f.add("generator-metadata", "likely", `EXIF UserComment "${e.userComment}"`, knownGenerator(e.userComment), 2);
    }
  }
}

function isA1111(text: string): boolean {
  return /\bSteps:\s*\d+/.test(text) && /\b(Sampler|CFG scale|Seed):/.test(text);
}

function model(text: string): string {
  const m = text.match(/\bModel:\s*([^,\n]{1,80})/);
  return m ? `, model "${m[1].trim()}"` : "";
}

const COMFY_NODE = /"(?:class_type|type)"\s*:\s*"[^"]*(?:KSampler|CheckpointLoader|CLIPTextEncode|UNETLoader|SamplerCustom|VAEDecode)/;

function readPngText(chunks: TextChunk[], f: Findings): void {
  for (const { keyword, text } of chunks) {
    const k = keyword.toLowerCase();
    if (k === "parameters") {
      if (isA1111(text)) f.add("generator-metadata", "ai", `PNG text "parameters": Stable Diffusion settings (AUTOMATIC1111 format)${model(text)}`, "Stable Diffusion", 1);
      else f.add("generator-metadata", "likely", `PNG text "parameters" (${text.length} characters) in a generator-like form`, undefined);
    } else if (k === "prompt" || k === "workflow") {
      if (COMFY_NODE.test(text)) f.add("generator-metadata", "ai", `PNG text "${keyword}": a ComfyUI node graph`, "ComfyUI", 1);
      else f.add("generator-metadata", "likely", `PNG text "${keyword}" (${text.length} characters)`, undefined);
    } else if (k === "invokeai_metadata" || k === "sd-metadata" || k === "dream") {
      f.add("generator-metadata", "ai", `PNG text "${keyword}": InvokeAI generation metadata`, "InvokeAI", 1);
    } else if (k === "software" || k === "source") {
      const g = knownGenerator(text);
      f.add(k === "software" ? "software" : "generator-metadata", g ? "ai" : "info", `PNG text "${keyword}" = "${text}"`, g, k === "software" ? 1 : 2);
    } else if (k === "comment" && /"(?:steps|sampler|scale|seed)"\s*:/.test(text)) {
      f.add("generator-metadata", "likely", `PNG text "Comment": generation settings (steps/sampler/seed)`, undefined);
    } else if ((k === "title" || k === "description") && saysAiGenerated(text)) {
      f.add("generator-metadata", "likely", `PNG text "${keyword}" = "${text}"`, undefined);
    }
  }
}

function clip(s: string): string {
  const flat = s.replace(/[\u0000-\u001f\u007f]+/g, " ");
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
