// Shapes of the image-provenance capability. Pure data: no I/O here.

/** "ai": the file says it was made by generative AI; "likely": a weaker trace; "unknown": nothing found (metadata may be stripped). */
export type Verdict = "ai" | "likely" | "unknown";

/** the container, from the file's byte signature (never from its name). */
export type ImageFormat = "jpeg" | "png" | "webp" | "gif" | "tiff" | "heif" | "avif" | "bmp" | "unknown";

export type EvidenceKind =
  /** a C2PA manifest (claim, actions, digital source type) */
  | "c2pa"
  /** IPTC digital source type written in XMP */
  | "iptc"
  /** XMP dcterms:provenance: a manifest stored elsewhere (remote) */
  | "remote-manifest"
  /** EXIF Software / XMP CreatorTool naming a tool */
  | "software"
  /** generator parameters in PNG text chunks or EXIF UserComment (Stable Diffusion, ComfyUI, NovelAI) */
  | "generator-metadata";

export interface Evidence {
  kind: EvidenceKind;
  /** what was found, with the raw values (technical, not translated) */
  detail: string;
  /** what this piece alone says: "ai", "likely", or "info" (context that does not point to AI) */
  weight: "ai" | "likely" | "info";
}

/** stable codes; the user-facing wording lives in src/locales/<lang>/images.json under "notes". */
export type ProvenanceNote =
  | "empty-file"
  | "unrecognised-format"
  | "limited-format"
  | "corrupt"
  | "truncated"
  | "too-large"
  | "no-provenance"
  | "metadata-can-be-stripped"
  | "signature-not-verified"
  | "remote-manifest"
  | "declared-not-ai"
  | "c2pa-unreadable";

export interface ProvenanceResult {
  verdict: Verdict;
  /** the generating tool when the metadata names it, e.g. "DALL·E", "Adobe Firefly", "Stable Diffusion" */
  generator?: string;
  evidence: Evidence[];
  format: ImageFormat;
  notes: ProvenanceNote[];
  /** technical description of a structural problem (corrupt/truncated container), if any */
  error?: string;
}
