// The command that opens the request form: "ansök om AI-verktyg" / "request AI tool".
import type { LocaleLang } from "../../locales";

const SV = /^\/?(ansök|ansok|ansökan|ansokan)( om)?( (ett|nytt|ett nytt))? (ai-?verktyg|ai-?tjänst|ai-?tjanst|ai)[.!]?$/iu;
const EN = /^\/?(request|apply for)( an?| a new)? (ai tool|ai-tool|ai)[.!]?$/iu;

/** "ansök om AI-verktyg" -> "sv", "request AI tool" -> "en", anything else -> undefined */
export function approvalCommand(text: string): LocaleLang | undefined {
  const s = text.replace(/\s+/g, " ").trim();
  if (SV.test(s)) return "sv";
  if (EN.test(s)) return "en";
  return undefined;
}
