// Yes/no questions that ask what something is, not whether it may be done: "Räknas lagtext som
// öppen information?", "Is Bing a public AI tool?", "Gäller policyn även konsulter?", "Gäller
// GDPR även det vi gör med AI?". The thing asked about is read with the same vocabulary as any
// question (question-slots.ts, material-kinds.ts); the class it is asked against from the
// policies' categories; who a policy applies to from its pack's scope (decisions.json). A
// class the thing may or may not belong to under a policy (is a pupil's grade sensitive?) gets
// no verdict: only what the words settle is answered.
import type { Passage, ToolClass } from "../types";
import { tokenize } from "../analysis/normalize";
import { foldedStems } from "../analysis/stem";
import { ENGLISH_STOPWORDS, SWEDISH_STOPWORDS } from "../analysis/stopwords";
import { CLASSIFYING, opensWithQuestionWord, readQuestion } from "./question-slots";
import type { InfoKind, InfoTerms, PackScope, Role, ScopeGroup, ToolKind, ToolTerms } from "./schema";
import { E, rx, W, type Lexicon } from "./word-patterns";

export type Category = InfoKind | ToolKind;

export interface Classification {
  /** "is": does the thing belong to the class; "applies": does the policy (or a law) cover it; "responsible": is it this role's duty */
  asks: "is" | "applies" | "responsible" | "true" | "follows";
  /** for "responsible": the roles the policy gives the duty */
  roles?: Role[];
  /** "conditional" only for "follows": it can follow in some cases, which condition names */
  verdict: "yes" | "no" | "conditional";
  condition?: { sv: string; en: string };
  category?: Category;
  /** the passages that settle it: where the policy names the class, its scope or the law */
  passages: Passage[];
  /** the class in the policy's own words, where its definition was quoted ("särskilt skyddsvärda uppgifter") */
  className?: string;
  /** answered from the pack's scope statement (quoted) */
  fromScope?: boolean;
}

/** a content word of the thing (its stem) in the passage, other than the class's own words */
function namesThing(text: string, thing: string, classPart: string): boolean {
  const words = new Set(tokenize(text).flatMap((t) => foldedStems(t)));
  const classWords = new Set(tokenize(classPart).flatMap((t) => foldedStems(t)));
  return tokenize(thing)
    .filter((t) => t.length >= 4 && !SWEDISH_STOPWORDS.has(t) && !ENGLISH_STOPWORDS.has(t))
    .some((t) => foldedStems(t).some((s) => words.has(s) && !classWords.has(s)));
}

/** "Särskilt skyddsvärda uppgifter: Exempelvis …" → "särskilt skyddsvärda uppgifter" */
function definedTerm(text: string): string | undefined {
  const m = /^([^:–\n]{3,40})\s*[:–]/u.exec(text);
  return m ? m[1].trim().replace(/^\p{Lu}/u, (c) => c.toLowerCase()) : undefined;
}

/** the classes questions ask against, as the policies and staff name them */
const CATEGORY: Lexicon<Category> = [
  ["special", rx("känslig(?:a)?\\s+personuppgift|särskild(?:a)?\\s+kategori|(?:extra\\s+)?skyddsvärd|sensitive\\s+personal|special\\s+categor")],
  ["personal", rx("personuppgift|persondata|personal\\s+(?:data|information)|personally\\s+identifiable")],
  ["open", rx("öppen\\s+information|öppna\\s+uppgifter|offentlig|allmän(?:na)?\\s+handling|k0" + E + "|public\\s+(?:information|data|record)|open\\s+(?:information|data)")],
  ["secret", rx("sekretess|hemlig|konfidentiell|affärskritisk|confidential|secret|classified|business-critical")],
  ["customer", rx("kunddata|kunduppgift|kundinformation|customer\\s+data|client\\s+data")],
  ["internal", rx("intern(?:a|t)?\\s+(?:information|uppgifter|handling)|internal\\s+(?:information|data)")],
  ["copyright", rx("upphovsrättsskydd|upphovsrättsligt\\s+skydd|copyrighted|protected\\s+by\\s+copyright")],
  ["embedded", rx("integrerad\\s+(?:generativ\\s+)?ai|inbyggd\\s+ai|integrated\\s+(?:generative\\s+)?ai|built-in\\s+ai|ai\\s+(?:integrated|built)\\s+into|integrerad(?:e)?\\s+ai-funktion")],
  ["public", rx("allmänt\\s+tillgänglig|publik(?:a|t)?\\s+(?:ai|tjänst|verktyg|system)|öppen\\s+ai|öppna\\s+ai|public(?:ly)?\\s+(?:available\\s+)?(?:ai|tool|service|system)|open\\s+ai\\s+(?:tool|service|solution)")],
  ["approved", rx("godkän(?:d|t|da)\\s+(?:ai|verktyg|tjänst|system)|säker(?:t|a)?\\s+(?:ai|verktyg|tjänst|system)|upphandla(?:d|t|de)|approved\\s+(?:ai|tool|service|system)|secure\\s+(?:ai|tool|system)")],
];

/** kinds that rule each other out: what is open is none of the protected kinds, and the reverse */
const EXCLUSIVE: Array<[Category, Category[]]> = [
  ["open", ["personal", "special", "secret", "customer", "internal"]],
  ["personal", ["open"]],
  ["special", ["open"]],
  ["secret", ["open"]],
  ["customer", ["open"]],
  ["internal", ["open"]],
  ["public", ["approved"]],
  ["approved", ["public", "unknown"]],
  ["embedded", []],
];

/** "Är lagtext öppen information?", "Is Bing a public AI tool?" */
const IS_OPENING = new RegExp(`^\\s*${rx("är|blir|is|are").source}\\s`, "iu");

/** what the question asks a class of: the thing and the class, split at "som"/"as" or the class's own words */
function split(question: string): { thing: string; category: Category; classPart: string } | undefined {
  const text = question.replace(/\?\s*$/, "");
  const cats = (s: string) => CATEGORY.filter(([, re]) => re.test(s)).map(([k]) => k);
  const c = CLASSIFYING.exec(text);
  if (c) {
    const after = text.slice(c.index + c[0].length);
    // "counts as …" names the class at once; "räknas X som …" names it after "som"
    const as = /\s(?:som|as)$/iu.test(c[0]) ? null : new RegExp(`${W}(?:som|as|to\\s+be)\\s`, "iu").exec(after);
    const classPart = as ? after.slice(as.index) : after;
    const found = cats(classPart);
    if (found.length === 0) return undefined;
    // the most specific class named: "känsliga personuppgifter" over "personuppgifter"
    const longest = (k: Category) => CATEGORY.find(([c]) => c === k)![1].exec(classPart)![0].length;
    const category = found.sort((a, b) => longest(b) - longest(a))[0];
    if (found.length > 1 && longest(found[0]) === longest(found[1])) return undefined;
    return { thing: text.slice(0, c.index) + " " + (as ? after.slice(0, as.index) : ""), category, classPart };
  }
  if (!IS_OPENING.test(text)) return undefined;
  // the class closes the question: "Är [lagtext] [öppen information]"
  for (const [k, re] of CATEGORY) {
    const m = new RegExp(re.source, "giu").exec(text);
    if (!m || /\p{L}{4,}/u.test(text.slice(m.index + m[0].length).replace(/(?:någon|något|nån|nåt|då|alltså|egentligen|ens|too|even|then|really)/giu, ""))) continue;
    return { thing: text.slice(0, m.index), category: k, classPart: text.slice(m.index) };
  }
  return undefined;
}

/** "gäller policyn även konsulter?", "does the policy apply to contractors?" */
const APPLIES = rx("gäller\\s+(?:(?:de\\s+här\\s+|dom\\s+här\\s+|dessa\\s+|den\\s+här\\s+|våra\\s+|vår\\s+|er\\s+|era\\s+|\\p{L}+s\\s+)?(?:ai-)?(?:policy\\p{L}*|riktlinje\\p{L}*|regl\\p{L}*|dokumentet)\\s+(?:även|också|verkligen)?|(?:även|också)\\s)|omfattas\\s+(?:\\p{L}+\\s+){0,2}?av\\s+(?:\\p{L}+\\s+)?(?:ai-)?(?:policy|riktlinje|regl)\\p{L}*|omfattas|(?:does|do)\\s+(?:the\\s+|this\\s+|these\\s+|our\\s+|your\\s+)?(?:ai\\s+)?(?:policy|rules|guidelines?)\\s+(?:also\\s+|even\\s+|actually\\s+|really\\s+)?(?:apply|cover)|(?:am\\s+i|are\\s+we|are\\s+they|is\\s+\\p{L}+(?:\\s+\\p{L}+){0,2}?)\\s+covered|(?:also|even)\\s+appl(?:y|ies)\\s+to");
const GROUPS: Lexicon<ScopeGroup> = [
  ["contractors", rx("konsult|underkonsult|uppdragstagare|inhyrd|bemanning|frilans|contractor|subcontractor|consultant|freelanc")],
  ["partners", rx("samarbetspartner|partner|leverantör|supplier|vendor")],
  ["interns", rx("praktikant|sommarjobbare|feriearbetare|intern(?:s)?" + E + "|trainee|lärling|apprentice")],
  ["politicians", rx("politiker|förtroendevald|nämndledamot|ledamot|councillor|politician|elected")],
  ["staff", rx("anställd|medarbetare|personal(?:en)?" + E + "|vikarie|timanställd|chef|lärare|mig(?![\\p{L}])|oss(?![\\p{L}])|employee|staff|manager|teacher|substitute|me(?![\\p{L}])|us(?![\\p{L}])|hemifrån|på\\s+distans|distansarbete|remote|from\\s+home")],
];
/** where the policy says what AI it is about: its definition or scope section first, the shortest such passage */
function aboutAi(passages: readonly Passage[]): Passage[] {
  const about = passages.filter((p) => /generativ|AI-verktyg|AI-system|AI-tjänst|AI-lösning/iu.test(p.text));
  const lead = (p: Passage) => (/definition|omfattning|syfte|inledning|bakgrund|om\s+ai/iu.test(p.section) ? 0 : 1);
  return about.sort((a, b) => lead(a) - lead(b) || a.text.length - b.text.length).slice(0, 1);
}

/** whether something is what the policy is about: "räknas X in i policyn", "X som reglerna pratar om" */
// "counted as generative AI", "räknas X som AI": AI as such, not a class of tool ("a public AI system")
const COVERS_WHAT = rx("(?:count(?:s|ed)?|considered|classed|treated|regarded)\\s+as\\s+(?:an?\\s+)?(?:kind\\s+of\\s+|form\\s+of\\s+)?(?:generative\\s+)?ai(?![\\p{L}])(?!\\s+(?:system|tool|service|solution|app)s?(?![\\p{L}]))|(?:räknas|klassas|ses)\\s+(?:\\S+\\s+){0,6}?som\\s+(?:en\\s+)?(?:sorts?\\s+|form\\s+av\\s+)?(?:generativ\\s+)?ai(?![\\p{L}:-])|räknas\\s+(?:\\S+\\s+){0,6}?(?:in\\s+i|under)\\s+(?:ai-)?(?:policyn|riktlinje\\p{L}*|regl\\p{L}*)|(?:som|that|which)\\s+(?:de\\s+här\\s+)?(?:ai-)?(?:reglerna|policyn|riktlinjerna|the\\s+rules|the\\s+policy|these\\s+rules)\\s+(?:pratar|handlar|talar|talk|are\\s+about|cover)");
/** a law or a kind of rule named as what applies: covered when the policy itself names it */
const LAWS: Array<[RegExp, RegExp]> = [
  [rx("gdpr|dataskydd"), rx("gdpr|dataskydd")],
  [rx("offentlighets-?\\s+och\\s+sekretesslag|osl" + E + "|sekretesslag|public\\s+access\\s+to\\s+information"), rx("offentlighets-?\\s+och\\s+sekretesslag|sekretesslag|osl" + E)],
  [rx("upphovsrätt|copyright"), rx("upphovsrätt")],
  [rx("ai-förordning|ai\\s+act|ai-akten"), rx("ai-förordning|ai\\s+act|ai-akten")],
];

function applies(question: string, scope: PackScope | undefined, passages: readonly Passage[]): Classification | undefined {
  const m = APPLIES.exec(question);
  // "Vilka regler gäller för …?", "Vad gäller enligt GDPR …?" ask what, not whether
  if (!m || opensWithQuestionWord(question)) return undefined;
  const before = question.slice(0, m.index);
  // "Gäller GDPR även …?": a law that applies, when the policy names it too
  for (const [asked, named] of LAWS) {
    const naming = asked.test(question) ? passages.filter((p) => named.test(p.text)) : [];
    if (naming.length > 0) return { asks: "applies", verdict: "yes", passages: naming.slice(0, 1) };
  }
  // the policy itself must be what applies ("gäller riktlinjen …"), unless nothing comes before
  // "is Bing chat covered by the policy?": the thing comes before "covered", the policy after it
  const coveredForm = /covered$/iu.test(m[0]);
  // "stämmer det att AI-riktlinjen gäller även …": the policy named just before "gäller även"
  const namesPolicy = /policy|riktlinje|regl|dokument|guideline|rules/iu.test(coveredForm ? question.slice(m.index) : m[0]) || /(?:policy|riktlinje|regl|regler|guideline|rules)\p{L}*\s*$/iu.test(before);
  if (!namesPolicy && /\p{L}{3,}/u.test(before.replace(/^\s*(?:och|men|så|hej|undrar|jag|en\s+fråga|stämmer\s+det\s+att|is\s+it\s+true\s+that)[\s,:]*/iu, ""))) return undefined;
  const who = question.slice(m.index + m[0].length);
  // an AI policy covers AI tools: "does our AI policy even cover image generators like DALL-E?"
  // … the tools themselves, not someone's private use of them ("när jag använder ChatGPT privat hemma")
  const asked = coveredForm ? m[0] : who;
  const tool = readQuestion(asked).tool;
  const situation = /(?<![\p{L}])(?:när|om|if|when|while|privat|private|privately|hemma|at\s+home|fritid|spare\s+time)(?![\p{L}])/iu.test(asked);
  if (namesPolicy && !situation && [...tool].some((t) => t !== "embedded")) return { asks: "applies", verdict: "yes", passages: aboutAi(passages) };
  if (!scope) return undefined;
  // "… en konsult från leverantören … gäller riktlinjen hen också?": the one referred to is named before
  const refersBack = /(?<![\p{L}])(?:hen|han|hon|dem|dom|them|him|her|they)(?![\p{L}])/iu.test(m[0] + who);
  const groups = GROUPS.filter(([, re]) => re.test(who) || (refersBack && re.test(before))).map(([g]) => g);
  // only a group the policy names is answered: the policy's silence on the others is not a no
  if (groups.length > 0 && groups.every((g) => scope.groups.includes(g) || scope.groups.includes("everyone-with-access"))) return { asks: "applies", verdict: "yes", passages: [], fromScope: true };
  return undefined;
}

export function classifyQuestion(
  question: string,
  opts: { terms?: InfoTerms; toolTerms?: ToolTerms; copilotClass?: ToolClass; scope?: PackScope; passages: readonly Passage[] },
): Classification | undefined {
  const scoped = applies(question, opts.scope, opts.passages);
  if (scoped) return scoped;
  // "räknas Copilot i Word som sånt AI som reglerna pratar om?": an AI tool the policy is about
  if (COVERS_WHAT.test(question) && !opensWithQuestionWord(question)) {
    const tool = readQuestion(question).tool;
    if ([...tool].some((t) => t !== "embedded") || (tool.has("embedded") && /generat/iu.test(question))) return { asks: "applies", verdict: "yes", passages: aboutAi(opts.passages) };
  }
  const parts = split(question);
  if (!parts) return undefined;
  // a class the policy never names is not one it sorts things into ("öppen information" in a company policy)
  const classRe = CATEGORY.find(([k]) => k === parts.category)![1];
  // where each passage names the class, and whether as a word of its own, not inside a compound ("personuppgiftsbiträdesavtal")
  const named = opts.passages.flatMap((passage) => {
    const m = classRe.exec(passage.text);
    return m ? [{ passage, at: m.index, inCompound: /^\p{L}{5,}/u.test(passage.text.slice(m.index + m[0].length)) }] : [];
  });
  // the passage that defines the class first ("Öppen information – information som …"), then the shortest
  const rank = (n: (typeof named)[number]) => (n.at === 0 ? 0 : 1) + (n.inCompound ? 2 : 0);
  named.sort((a, b) => rank(a) - rank(b) || a.passage.text.length - b.passage.text.length);
  if (named.length === 0) return undefined;
  const first = [named[0].passage];
  const thing = readQuestion(parts.thing, opts.terms, opts.toolTerms);
  const known = new Set<string>([...thing.info, ...thing.tool]);
  const excluded = EXCLUSIVE.find(([k]) => k === parts.category)?.[1] ?? [];
  // the policy's own definition lists the thing ("Särskilt skyddsvärda uppgifter: Exempelvis …, provresultat"),
  // by a word of the thing that is not the class's own ("information" in "… som öppen information")
  const listed = named.find((n) => n.at <= 20 && !n.inCompound && namesThing(n.passage.text, parts.thing, parts.classPart))?.passage;
  if (listed && ![...known].some((k) => excluded.includes(k as Category))) {
    return { asks: "is", verdict: "yes", category: parts.category, passages: [listed], className: definedTerm(listed.text) };
  }
  // Copilot is what the pack classes it as
  if (known.has("copilot") && opts.copilotClass && opts.copilotClass !== "needs-analysis") known.add(opts.copilotClass);
  if (known.size === 0) return undefined;
  if (known.has(parts.category)) return { asks: "is", verdict: "yes", category: parts.category, passages: first };
  // "no" only when the thing is plainly of a kind the class rules out, and of no kind it might share
  if ([...known].some((k) => excluded.includes(k as Category))) return { asks: "is", verdict: "no", category: parts.category, passages: first };
  return undefined;
}
