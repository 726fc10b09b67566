// Knowledge about generative tools and IPTC digital source types, in one place.

/** IPTC digital source type codes that mean generative AI made (part of) the image. */
const AI_SOURCE_TYPES = new Set(["trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia"]);

/** the code at the end of an IPTC digital source type URI (or the bare code). */
export function sourceTypeCode(value: string): string {
  const trimmed = value.trim().replace(/[/#]+$/, "");
  const cut = Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("#"), trimmed.lastIndexOf(":"));
  return trimmed.slice(cut + 1);
}

export function isAiSourceType(value: string): boolean {
  return AI_SOURCE_TYPES.has(sourceTypeCode(value));
}

interface KnownGenerator {
  pattern: RegExp;
  name: string;
}

// Names that only generative image tools use, so a match in a Software/CreatorTool
// field or a C2PA claim is meaningful. Ordered: the more specific first.
const GENERATORS: KnownGenerator[] = [
  { pattern: /dall[\s·._-]?e/i, name: "DALL·E" },
  { pattern: /\bchatgpt\b/i, name: "ChatGPT" },
  { pattern: /\bopenai\b/i, name: "OpenAI" },
  { pattern: /firefly/i, name: "Adobe Firefly" },
  { pattern: /midjourney/i, name: "Midjourney" },
  { pattern: /novel\s?ai/i, name: "NovelAI" },
  { pattern: /comfy\s?ui/i, name: "ComfyUI" },
  { pattern: /invoke\s?ai/i, name: "InvokeAI" },
  { pattern: /fooocus/i, name: "Fooocus" },
  { pattern: /stable[\s_-]?diffusion|\bsdxl\b|dreamstudio/i, name: "Stable Diffusion" },
  { pattern: /image creator from designer|bing image creator/i, name: "Image Creator from Designer (Microsoft)" },
  { pattern: /microsoft[\s_]responsible[\s_]ai/i, name: "Microsoft Responsible AI (Bing Image Creator / Designer)" },
  { pattern: /\bgoogle imagen\b|\bimagen\s?[2-9]\b/i, name: "Google Imagen" },
  { pattern: /\bgemini\b/i, name: "Google Gemini" },
  { pattern: /made with google ai/i, name: "Google AI" },
  { pattern: /titan image generator|amazon[\s_]bedrock/i, name: "Amazon Titan Image Generator" },
  { pattern: /ideogram/i, name: "Ideogram" },
  { pattern: /leonardo\.ai|leonardo ai/i, name: "Leonardo.Ai" },
  { pattern: /\bflux(\.1)?\b.*(black forest|pro|dev|schnell)|black forest labs/i, name: "FLUX" },
  { pattern: /craiyon/i, name: "Craiyon" },
  { pattern: /runway\s?ml|\brunway gen/i, name: "Runway" },
  { pattern: /imagine with meta|\bmeta ai\b/i, name: "Meta AI" },
];

/** the generative tool a free-text field names, if any */
export function knownGenerator(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return GENERATORS.find((g) => g.pattern.test(text))?.name;
}

/** phrases a tool writes to say its output is AI-made */
export function saysAiGenerated(text: string | undefined): boolean {
  return !!text && /\bAI[\s-]generated\b|\bgenerated (?:by|with) AI\b|\bmade with (?:google )?AI\b/i.test(text);
}
