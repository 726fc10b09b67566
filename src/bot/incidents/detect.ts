// Two things the user may type: the command that opens the incident form, and a
// message saying they (or someone) put data into an AI tool that should not be there,
// which gets the bot's answer and an offer to report it.
import type { LocaleLang } from "../../locales";

const SV_COMMAND = /^\/?(rapportera|anmäl|anmal)( en)? (ai-?|personuppgifts)?(incident|avvikelse)[.!]?$/iu;
const EN_COMMAND = /^\/?(report)( an)?( ai| data)?( incident| breach)[.!]?$/iu;

/** "rapportera incident" -> "sv", "report incident" -> "en", anything else -> undefined */
export function incidentCommand(text: string): LocaleLang | undefined {
  const s = text.replace(/\s+/g, " ").trim();
  if (SV_COMMAND.test(s)) return "sv";
  if (EN_COMMAND.test(s)) return "en";
  return undefined;
}

// \b is ASCII-only in JS: these bounds also treat å, ä, ö as letters
const W = (src: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${src})(?![\\p{L}\\p{N}])`, "iu");

/** something was put into a tool: past tense or perfect, active or passive ("klistrade in", "har matats in", "pasted") */
const PUT_IN = [
  W("(klistrade|kopierade|matade|skrev|lade|la|lagt|klistrat|kopierat|matat|skrivit|laddade|laddat|delade|delat|skickade|skickat|klistrades|matades|skrevs|laddades|delades|klistrats|matats|laddats)( [\\p{L}-]+){0,6} (in|upp)"),
  W("(råkade|råka|råkat|glömde) (att )?(klistra|kopiera|mata|skriva|lägga|ladda|dela|skicka|ta med)"),
  W("(delade|delat|skickade|skickat|laddade upp|laddat upp)"),
  W("(pasted|entered|typed|uploaded|shared|fed|copied|submitted|sent|put|inputted|dumped|leaked)"),
  W("(accidentally|mistakenly|inadvertently) (paste|enter|type|upload|share|feed|copy|put|send|include|gave)"),
];

/** information the policies forbid in public AI tools */
const DATA = W(
  [
    "personnumm[\\p{L}]*",
    "samordningsnumm[\\p{L}]*",
    "personuppgift[\\p{L}]*",
    "känslig[\\p{L}]*",
    "sekretess[\\p{L}]*",
    "hemlig[\\p{L}]*",
    "konfidentiell[\\p{L}]*",
    "lösenord[\\p{L}]*",
    "kund(lista|listan|listor|uppgift[\\p{L}]*|data|register[\\p{L}]*|er|ernas|namn)",
    "patient[\\p{L}]*",
    "elev(er|ernas|uppgifter|lista[\\p{L}]*)",
    "journal[\\p{L}]*",
    "hälsouppgift[\\p{L}]*",
    "löne[\\p{L}]*",
    "telefonnumm[\\p{L}]*",
    "adress(er|erna)",
    "personal data",
    "personal information",
    "personally identifiable",
    "pii",
    "social security",
    "national id",
    "customer(s|'s)?( data| list| records| details| information| names)?",
    "client data",
    "patient data",
    "passwords?",
    "credentials?",
    "api keys?",
    "secrets?",
    "confidential",
    "sensitive",
    "health data",
    "salar(y|ies)",
  ].join("|"),
);

const TOOL = W("chat ?gpt|copilot|gemini|bard|claude|openai|perplexity|mistral|deepseek|dall-?e|midjourney|chatbot[\\p{L}]*|ai(-?(tjänst|verktyg|chatt|bot|tool|tjänsten|verktyget|chatten)[\\p{L}]*)?|ai tool");

const MISTAKE = W(
  "råkade|råka|råkat|av misstag|av en slump|oavsiktligt|ouppmärksam|inte borde|borde inte|inte fick|fick inte|inte får|får inte|inte skulle|skulle inte|accidentally|by mistake|mistakenly|inadvertently|should ?n[o']?t have|should not have|was not allowed|wasn't allowed|oops",
);

/** true when the message says data went into an AI tool that should not have: offer a report */
export function soundsLikeIncident(text: string): boolean {
  const s = text.replace(/\s+/g, " ").trim();
  if (s.length < 10 || s.length > 2000) return false;
  if (!PUT_IN.some((r) => r.test(s))) return false;
  const data = DATA.test(s);
  const tool = TOOL.test(s);
  return (data && (tool || MISTAKE.test(s))) || (tool && MISTAKE.test(s));
}
