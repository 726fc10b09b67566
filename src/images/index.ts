// Image capability: AI-provenance detection (pure) and labelled copies (sharp, in labelled-copy.ts).
export type { Evidence, EvidenceKind, ImageFormat, ProvenanceNote, ProvenanceResult, Verdict } from "./types";
export { detectProvenance } from "./detect";
export { sniffFormat } from "./sniff";
