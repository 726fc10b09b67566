// What a question asks (its form, not its topic) and what kind of statement a
// passage makes. "Får jag …?" wants a rule that permits or forbids, "vem …?" wants
// the passage naming who decides, "vad gör jag nu?" wants steps; a definition or an
// introduction rarely answers any of them. Topic is left to concepts and words.
import { fold } from "./normalize";

export type Intent = "permission" | "who" | "approval" | "steps" | "mistake" | "definition" | "consequence" | "requirement" | "responsibility" | "report";
export type PassageKind = "rule" | "prohibition" | "approver" | "steps" | "definition" | "background" | "metadata" | "leadin" | "consequence" | "responsibility";

// patterns run on the folded, lowercased question (å/ä/ö → a/a/o), so chat spellings match
const INTENT_PATTERNS: Array<[Intent, RegExp]> = [
  [
    "permission",
    /^ (far|kan|maste|behover|bor|ar det|is it|are we|can|may|must|should)\b|\b(far|kan|maste|behover|ska|bor) (jag|man|vi|du|ni|hen|medarbetare|anstallda|vem som helst)\b|\b(ar det|det ar) (ok|okej|okey|tillatet|lagligt|fritt fram|forbjudet)\b|\b(ok|okej|tillatet) att\b|\b(can|may|must|should) (i|we|you|staff|employees|one|an? [a-z]+)\b|\b(is|are) (it|we|i) (ok|okay|allowed|permitted|fine|forbidden)\b|\bam i allowed\b|\ballowed to\b|\b(gar|funkar|fungerar) (det|de) (bra )?(att|\s*$)|\b(ar|e) (det|de) (ok|okej|lugnt|fine)\b/,
  ],
  ["who", /\b(vem|vems|vilka|vilken chef|till vem|hos vem)\b|\b(who|whom|whose)\b/],
  // asking for a go-ahead: with "who" it wants the approver, alone a permission rule
  ["approval", /\b(godkann\w*|beslut\w*|bestammer|saga ja|tillstand|tillatelse|lov att|approv\w*|sign\w* off|decides?|permission)\b/],
  [
    "steps",
    /\b(vad|hur) (gor|ska|bor|maste) (jag|vi|man)( gora)?\b|\bhur (gar|rapporterar|anmaler|gor) (jag|vi|man)\b|\bgar (vi|jag) till vaga\b|\bvad (hander|galler) nu\b|\bhjalp\b|\bwhat (do|should|must) (i|we) do\b|\bwhat now\b|\bhow do (i|we) (report|handle)\b|\bnext steps?\b|\bforsta steg/,
  ],
  // something already went wrong: the user wants the immediate steps, not the rule they broke
  [
    "mistake",
    /\b(rakade|rakat|raka|av misstag|rakar)\b|\bhar (klistrat|matat|lagt|skrivit|laddat|delat) (in|upp)\b|\b(klistrade|matade|lade|skrev|laddade) (in|upp)\b.*\b(vad|hur) (gor|ska)\b|\baccidentally\b|\bby mistake\b|\bi (pasted|uploaded|entered|shared)\b/,
  ],
  ["definition", /\bvad (ar|betyder|menas med|rakn\w* som|innebar|avses med)\b|\bwhat (is|are|does|counts as) (a |an )?(\w+ )?(mean|meant by|definition)?|\bdefinition\b|\bskillnaden\b/],
  [
    "consequence",
    /\bvad hander om\b|\bkonsekvens\w*|\bsparken\b|\bstraff\w*|\bavsked\w*|\buppsag\w*|\bpafoljd\w*|\bwhat happens if\b|\b(get )?fired\b|\bdisciplin\w*|\bpunish\w*|\bconsequence\w*/,
  ],
  // whose fault or duty something is ("är det mitt ansvar", "is that on me")
  ["responsibility", /\b(ansvar\w*|skyldig\w*|mitt fel|pa mig|responsib\w*|accountab\w*|liable|liability|on me|my fault|to blame|on the hook)\b/],
  // where or to whom something is told ("vem anmäler jag det till", "where do I report")
  ["report", /\b(rapporter\w*|anmal\w*|meddela\w*|saga till|tala om for|report\w*|notify|tell)\b/],
  ["requirement", /\bvad (krav\w*|galler|behov\w*|maste)\b|\bvilka krav\b|\bwhat (is|are) (required|the requirements?)\b|\bwhat applies\b|\brequirements?\b/],
];

/** the forms of question asked; several may hold ("vem måste godkänna …" is who + permission) */
export function questionIntents(question: string): Set<Intent> {
  const q = ` ${fold(question.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  const out = new Set<Intent>();
  for (const [intent, re] of INTENT_PATTERNS) if (re.test(q)) out.add(intent);
  // "vem får …" asks who, not whether
  if (out.has("who") && /\bvem (far|maste|ska)\b/.test(q)) out.delete("permission");
  return out;
}

const PROHIBITION = /\b(inga|ingen|inget) \w+ (far|ska)\b|\b(far|ska|kan) (inte|aldrig|enbart|endast|under inga)\b|\binte (tillatet|lampligt|heller)\b|\bforbjud\w*|\bunder inga\b|\baldrig\b|\bfar \w+ (inte|aldrig|enbart|endast)\b|\bendast\b|\benbart\b|\b(inte|aldrig) \w+ (in|matas)\b|\bdet ar tillatet\b|\bfar (anvandas|matas)\b/;
const DEONTIC = /\b(ska|skall|maste|kraver|far|bor|behover)\b|\bansvar\w*\b/;
const APPROVER = /\b(godkan\w*|beslut\w*|tillatelse|provning|fattar beslut|bedom\w*|\w*ansvarig chef|verksamhetschef|narmaste chef|vd|ledningssystemet)\b/;
const ROLE = /\b(chef\w*|vd|verksamhetschef|ledningssystemet|dataskyddsombudet|systemansvarig|informationssakerhetsansvarig|it-ansvarig|nämnd|namnd|ledning\w*)\b/;
const STEPS = /\b(omedelbart|avbryt\w*|informera|rapporter\w*|anmal\w*|utred\w*|incident\w*|rutin\w*)\b/;
const CONSEQUENCE = /\b(atgard\w*|varning|uppsagning|omplacering|straffbar\w*|brott\w*|skadestandsskyldig|overtradelse\w*)\b/;
const BACKGROUND_SECTION = /\b(inledning|bakgrund|syfte|lastips|bilaga|samlade lankar|lar dig mer|giltighet|revidering|policyuppdateringar|mojligheter|sa har fungerar)\b/;
const DEFINITION_SECTION = /\bdefinition\w*\b/;
/** a passage that says what a word means ("… kallas för generativ AI", "Med AI-system avses …", "Hallucinationer innebär att …") */
const DEFINING = /\b(kallas( for)?|avses|definieras( som)?|menas med|ar ett samlingsnamn for)\b|^ [\w-]+( [\w-]+)? (innebar|betyder) /;

/** kinds of statement a passage makes, from its own words and its section */
export function passageKinds(text: string, section: string, rule: string | null, titleSection = false): Set<PassageKind> {
  const t = ` ${fold(text.toLowerCase())} `;
  const s = fold(section.toLowerCase());
  const out = new Set<PassageKind>();
  if (rule || DEONTIC.test(t)) out.add("rule");
  if (PROHIBITION.test(t)) out.add("prohibition");
  if (APPROVER.test(t) && ROLE.test(t)) out.add("approver");
  if (STEPS.test(t)) out.add("steps");
  if (CONSEQUENCE.test(t)) out.add("consequence");
  if (/\b(ansvar\w*|skyldig\w*)\b/.test(t)) out.add("responsibility");
  if (DEFINITION_SECTION.test(s) || DEFINING.test(t)) out.add("definition");
  // text under the title is the document's metadata and preamble
  if (titleSection) out.add("metadata");
  if (BACKGROUND_SECTION.test(s)) out.add("background");
  // a list's lead-in ("Före användning av AI:") says little on its own: its items carry it
  if (/:\s*$/.test(text.trim())) out.add("leadin");
  return out;
}
