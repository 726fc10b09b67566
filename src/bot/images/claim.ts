// "Jag har gjort en bild med DALL-E", "ska skapa en bild i Midjourney", "made this picture
// with Copilot": a message saying an image was (or will be) made with a generative tool.
// One sentence must name an image, a making verb and a tool; permission questions
// ("får jag skapa bilder med …?") are questions for the policy, not claims.
import type { LocaleLang } from "../../locales";
import { NextIndex } from "../../text/tags";

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

export const NOUN_SV = new RegExp(
  // compounds only for "bild" (omslagsbild, AI-bild): "anteckning" is not a "teckning". A compound
  // is tried from the first place in its run of letters and hyphens where a word may start, not
  // from every hyphen in it (then "a-a-a-…" is read once, not once per hyphen): the same text matches
  `(?:(?<![${L}-])|(?<=\\p{N}\\p{L}*-))[\\p{L}-]*bild(?:en|er|erna)?(?![${L}])|(?<![${L}])(?:illustration(?:en|er|erna)?|teckning(?:en|ar|arna)?|foto(?:t|n|na)?|fotografi(?:et|er)?|logga(?:n)?|logotyp(?:en|er)?|affisch(?:en|er)?|grafik(?:en)?|porträtt(?:et)?)(?![${L}])`,
  "iu",
);
const NOUN_EN = word("images?|pictures?|photos?|pics?|illustrations?|drawings?|logos?|posters?|artworks?|graphics?|portraits?");

// a participle right after "AI-"/"AI " is an adjective ("AI-genererad bild"), not someone making one
const NOT_AFTER_AI = "(?<!\\bai[\\s-])";
const VERB = new RegExp(
  `(?<![${L}])${NOT_AFTER_AI}(?:gjort|gjorde|gör|göra|gjord|gjorda|skapat|skapade|skapar|skapa|skapad|genererat|genererade|genererar|generera|genererad|ritat|ritade|ritar|rita|fixat|fixade|designat|designade|producerat|tagit\\s+fram|tog\\s+fram|tar\\s+fram|ta\\s+fram|framtagen|made|make|makes|making|created|create|creates|creating|generated|generate|generates|generating|drew|draw|drawn|produced|produce|rendered|render|designed)(?![${L}])`,
  "iu",
);

// "får jag skapa bilder med Midjourney?" and "may I make images with DALL-E?" ask, they do not tell.
// The opening of such a question; the question runs on to the end of its sentence, which must be a "?"
const PERMISSION_OPENING = /(?<![\p{L}])(?:får|kan|kunde|bör|may|can|could|should)\s+(?:jag|vi|man|i|we|one)(?![\p{L}])|(?<![\p{L}])(?:är det (?:ok|okej|tillåtet|lämpligt) att|is it (?:ok|okay|allowed|fine) to|am i allowed to|are we allowed to)/giu;

/**
 * text.replace(/OPENING[^.!?\n]*\?/giu, " "), with the end of each sentence looked for once: the
 * regex read on from every opening to the same end ("kan jag kan jag …" is quadratic)
 */
export function dropPermissionQuestions(text: string): string {
  const stop = new NextIndex((from) => {
    for (let k = from; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 46 || c === 33 || c === 63 || c === 10) return k; // . ! ? \n
    }
    return -1;
  });
  let out = "";
  let kept = 0;
  let m: RegExpExecArray | null;
  PERMISSION_OPENING.lastIndex = 0;
  while ((m = PERMISSION_OPENING.exec(text))) {
    const end = stop.after(m.index + m[0].length);
    if (end >= 0 && text.charCodeAt(end) === 63) {
      out += `${text.slice(kept, m.index)} `;
      kept = end + 1;
      PERMISSION_OPENING.lastIndex = end + 1;
    } else PERMISSION_OPENING.lastIndex = m.index + 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

export function imageClaim(text: string): ImageClaim | undefined {
  const cleaned = dropPermissionQuestions(text);
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
