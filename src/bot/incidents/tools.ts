// The AI tools offered in the form's list: those the pack's policy text names, then
// the common ones, then "another tool" with a text field. The list is a convenience;
// what the reporter types is what is stored.
import type { PolicyPack } from "../../policy/types";

const LEXICON: Array<[string, RegExp]> = [
  ["ChatGPT", /chat ?gpt|openai/i],
  ["Microsoft Copilot", /copilot/i],
  ["Google Gemini", /gemini|\bbard\b/i],
  ["Claude", /\bclaude\b/i],
  ["DALL-E", /dall-?e/i],
  ["Midjourney", /midjourney/i],
  ["SveaGPT", /sveagpt/i],
  ["Perplexity", /perplexity/i],
  ["DeepSeek", /deepseek/i],
];

const COMMON = ["ChatGPT", "Microsoft Copilot", "Google Gemini", "Claude"];
const MAX = 10;

const cache = new WeakMap<PolicyPack, string[]>();

export function knownTools(pack: PolicyPack): string[] {
  const hit = cache.get(pack);
  if (hit) return hit;
  const text = pack.passages.map((p) => p.text).join("\n");
  const named = LEXICON.filter(([, re]) => re.test(text)).map(([name]) => name);
  const tools = [...new Set([...named, ...COMMON])].slice(0, MAX);
  cache.set(pack, tools);
  return tools;
}
