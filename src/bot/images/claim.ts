// "Jag har gjort en bild med DALL-E", "ska skapa en bild i Midjourney", "made this picture
// with Copilot": a message saying an image was (or will be) made with a generative tool.
// One sentence must name an image, a making verb and a tool; permission questions
// ("får jag skapa bilder med …?") are questions for the policy, not claims.
import type { LocaleLang } from "../../locales";

export interface ImageClaim {
  /** the tool named, e.g. "DALL·E"; undefined for a plain "AI-bild" / "with AI" */
  generator?: string;
  lang: LocaleLang;
}

const L = "\\p{L}\\p{N}";
const word = (body: string) => new RegExp(`(?<![${L}])(?:${body})(?![${L}])`, "iu");

const TOOLS: Array<{ re: RegExp; name?: string }> = [
  { re: word("dall[\\s·._-]?e(?:[\\s-]?[23])?|dalle[23]?"), name: "DALL·E" },
  { re: word("bing(?:\\s+image)?\\s+creator|image\\s+creator"), name: "Bing Image Creator" },
  { re: word("microsoft\\s+designer"), name: "Microsoft Designer" },
  { re: word("copilot(?:\\s+designer)?"), name: "Copilot" },
  { re: word("mid[\\s-]?journey"), name: "Midjourney" },
  { re: word("stable[\\s-]?diffusion|sdxl|comfy\\s?ui|automatic1111"), name: "Stable Diffusion" },
  { re: word("(?:adobe\\s+)?firefly"), name: "Adobe Firefly" },
  { re: word("gemini|imagen|nano\\s+banana"), name: "Gemini" },
  { re: word("chat\\s?gpt|gpt-?4o?|gpt-?5|sora"), name: "ChatGPT" },
  { re: word("ideogram"), name: "Ideogram" },
  { re: word("leonardo(?:\\.ai)?"), name: "Leonardo.Ai" },
  { re: word("flux(?:\\.1)?"), name: "FLUX" },
  { re: word("craiyon"), name: "Craiyon" },
  { re: word("grok"), name: "Grok" },
  { re: word("meta\\s+ai"), name: "Meta AI" },
  // a tool by kind rather than name: "med AI", "with AI", "AI-bild", "bildgenerator"
  { re: word("ai|a\\.i\\.|ai-\\p{L}*|\\p{L}*bildgenerator\\p{L}*|image\\s+generator") },
];

const NOUN_SV = new RegExp(
  // compounds only for "bild" (omslagsbild, AI-bild): "anteckning" is not a "teckning"
  `(?<![${L}])(?:[\\p{L}-]*bild(?:en|er|erna)?|illustration(?:en|er|erna)?|teckning(?:en|ar|arna)?|foto(?:t|n|na)?|fotografi(?:et|er)?|logga(?:n)?|logotyp(?:en|er)?|affisch(?:en|er)?|grafik(?:en)?|porträtt(?:et)?)(?![${L}])`,
  "iu",
);
const NOUN_EN = word("images?|pictures?|photos?|pics?|illustrations?|drawings?|logos?|posters?|artworks?|graphics?|portraits?");

// a participle right after "AI-"/"AI " is an adjective ("AI-genererad bild"), not someone making one
const NOT_AFTER_AI = "(?<!\\bai[\\s-])";
const VERB = new RegExp(
  `(?<![${L}])${NOT_AFTER_AI}(?:gjort|gjorde|gör|göra|gjord|gjorda|skapat|skapade|skapar|skapa|skapad|genererat|genererade|genererar|generera|genererad|ritat|ritade|ritar|rita|fixat|fixade|designat|designade|producerat|tagit\\s+fram|tog\\s+fram|tar\\s+fram|ta\\s+fram|framtagen|made|make|makes|making|created|create|creates|creating|generated|generate|generates|generating|drew|draw|drawn|produced|produce|rendered|render|designed)(?![${L}])`,
  "iu",
);

// "får jag skapa bilder med Midjourney?" and "may I make images with DALL-E?" ask, they do not tell
const PERMISSION_QUESTION = /(?<![\p{L}])(?:får|kan|kunde|bör|may|can|could|should)\s+(?:jag|vi|man|i|we|one)(?![\p{L}])[^.!?\n]*\?|(?<![\p{L}])(?:är det (?:ok|okej|tillåtet|lämpligt) att|is it (?:ok|okay|allowed|fine) to|am i allowed to|are we allowed to)[^.!?\n]*\?/giu;

export function imageClaim(text: string): ImageClaim | undefined {
  const cleaned = text.replace(PERMISSION_QUESTION, " ");
  for (const sentence of cleaned.split(/[.!?;\n]+/)) {
    if (!VERB.test(sentence)) continue;
    const en = NOUN_EN.test(sentence);
    if (!en && !NOUN_SV.test(sentence)) continue;
    const tool = TOOLS.find((t) => t.re.test(sentence));
    if (!tool) continue;
    return { generator: tool.name, lang: en && !NOUN_SV.test(sentence) ? "en" : "sv" };
  }
  return undefined;
}

/** the message also asks something the policy should answer (beyond the claim itself) */
export function asksQuestion(text: string): boolean {
  return /\?/.test(text) || /(?<![\p{L}])(?:får jag|får vi|får man|hur|vad|vem|när|måste|may i|can i|how|what|who|when|must)(?![\p{L}])/iu.test(text);
}
