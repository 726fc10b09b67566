// All loaded packs plus question answering; built once at start-up.
import { tokenize } from "./analysis/normalize";
import { detectLanguage } from "./analysis/language";
import { CONCEPT_GROUPS } from "./analysis/lexicon";
import { Vocabulary } from "./analysis/vocabulary";
import { Spelling } from "./analysis/spelling";
import { composeAnswer } from "./answer/compose";
import { MISHAP, readQuestion } from "./decisions/question-slots";
import { decide } from "./decisions/verdict";
import { classifyQuestion } from "./decisions/classify-question";
import { answerResponsibility, whoIsResponsible } from "./decisions/responsibility";
import { judgeSufficiency } from "./decisions/sufficiency";
import { confirmFact } from "./decisions/fact-confirmation";
import { answerConsequence } from "./decisions/consequences";
import type { DecisionRow, Use } from "./decisions/schema";
import { PackNotFoundError } from "./errors";
import { loadPacks, policyDirs } from "./pack-loader";
import { PackEngine } from "./search/engine";
import { passageTokens } from "./search/passage-index";
import { unruledTopic } from "./search/unruled-topics";
import type { Answer, Lang, PolicyLibrary, PolicyPack } from "./types";

/** longer input is cut here before any analysis (chat routes anything this long to review) */
export const MAX_QUESTION_CHARS = 1000;

/** the packs' shared vocabulary (and the words they write, for mending slips); complete before any engine is built */
function sharedVocabulary(packs: PolicyPack[]): { vocab: Vocabulary; spelling: Spelling } {
  // one vocabulary across packs and the concept lexicon, for splitting compounds
  const vocab = new Vocabulary();
  // and the words they write, for mending a question's slips before it is read
  const spelling = new Spelling(vocab);
  const learn = (tok: string) => {
    vocab.add(tok);
    spelling.add(tok);
  };
  for (const pack of packs) {
    for (const p of pack.passages) {
      const t = passageTokens(p);
      for (const tok of t.text) learn(tok);
      for (const tok of t.context) learn(tok);
    }
  }
  for (const g of CONCEPT_GROUPS) for (const phrase of g.sv) for (const tok of tokenize(phrase)) learn(tok);
  return { vocab, spelling };
}

/** one search engine per pack, sharing the packs' vocabulary (and the words they write, for mending slips) */
export function buildEngines(packs: PolicyPack[]): { engines: Map<string, PackEngine>; spelling: Spelling } {
  const { vocab, spelling } = sharedVocabulary(packs);
  return { engines: new Map(packs.map((p) => [p.id, new PackEngine(p, vocab)])), spelling };
}

/**
 * @param opts.lazy a pack's search engine is built on its first question (or index()), not here:
 * the server is ready sooner and builds only the packs it is asked from. An engine depends only on
 * its pack and the shared vocabulary, so it is the same whenever it is built.
 */
export function createPolicyLibrary(packs: PolicyPack[], opts: { lazy?: boolean } = {}): PolicyLibrary {
  const { vocab, spelling } = sharedVocabulary(packs);
  const byId = new Map(packs.map((p) => [p.id, p]));
  const ids = [...byId.keys()].sort();
  const engines = new Map<string, PackEngine>();

  const pack = (packId: string): PolicyPack => {
    const p = byId.get(packId);
    if (!p) throw new PackNotFoundError(packId, ids);
    return p;
  };
  const engine = (packId: string): PackEngine => {
    let e = engines.get(packId);
    if (!e) engines.set(packId, (e = new PackEngine(pack(packId), vocab)));
    return e;
  };
  if (!opts.lazy) for (const id of ids) engine(id);

  return {
    ids: () => [...ids],
    get: pack,
    index: (packId: string) => void engine(packId),
    ask(packId: string, questionIn: string, opts?: { lang?: Lang }): Answer {
      const e = engine(packId);
      // a question is a sentence or two; the rest of a longer text is not read (bounded work)
      const question = questionIn.slice(0, MAX_QUESTION_CHARS);
      const lang = opts?.lang ?? detectLanguage(question);
      const retrieval = e.retrieve(question, lang);
      // the question as read into slots, its slips mended ("sekretesbelagda"); retrieval has its own near matches
      const mended = spelling.mend(question, (word) => {
        const read = readQuestion(word, e.pack.decisionTerms, e.pack.decisionToolTerms);
        return read.info.size > 0 || read.tool.size > 0;
      });
      const slots = readQuestion(mended, e.pack.decisionTerms, e.pack.decisionToolTerms);
      // "Stämmer det att …?": a statement the policy itself makes, confirmed (or contradicted) with that sentence quoted
      {
        const f = confirmFact(mended, retrieval.ranked.slice(0, 3).map((r) => r.passage));
        if (f) return composeAnswer(e.pack, retrieval, lang, undefined, { asks: "true", verdict: f.verdict, passages: [f.passage], citations: [{ policy: f.passage.packId, section: f.passage.section, rule: f.passage.rule, quote: f.passage.text }] });
      }
      // "Räknas lagtext som öppen information?", "Gäller policyn även konsulter?": what something is,
      // or whom the policy covers (also when asked as "omfattas hen av policyn eller …?")
      {
        const c = classifyQuestion(mended, {
          terms: e.pack.decisionTerms,
          toolTerms: e.pack.decisionToolTerms,
          copilotClass: e.pack.facts.tools.copilot.class,
          scope: e.pack.scope,
          passages: e.pack.passages,
        });
        // a question of scope names the policy itself, whatever retrieval makes of its other words
        if (c && (!slots.ask || c.asks === "applies") && (retrieval.inScope || c.fromScope || c.passages.length > 0 || c.asks === "applies")) {
          const cited = c.fromScope ? (e.pack.scope?.citations ?? []) : c.passages.map((p) => ({ policy: p.packId, section: p.section, rule: p.rule, quote: p.text }));
          return composeAnswer(e.pack, retrieval, lang, undefined, { ...c, citations: cited });
        }
      }
      // "Kan man bli uppsagd för det?": what the policy says can follow from breaking it
      {
        const c = answerConsequence(mended, e.pack.consequences);
        if (c) return composeAnswer(e.pack, { ...retrieval, inScope: true }, lang, undefined, { asks: "follows", verdict: c.verdict, ...(c.rule.condition ? { condition: c.rule.condition } : {}), passages: [], citations: c.rule.citations });
      }
      // "Är det IT som ska göra riskanalysen?": whose duty it is, where the policy names someone for it
      {
        const r = answerResponsibility(mended, e.pack.responsibilities);
        if (r) return composeAnswer(e.pack, retrieval, lang, undefined, { asks: "responsible", verdict: r.verdict, roles: r.roles, passages: [], citations: r.rule.citations });
        // "vem står för riskanalyserna?": the rule that names who, quoted, with no verdict
        const who = slots.ask ? undefined : whoIsResponsible(mended, e.pack.responsibilities);
        if (who) {
          const row: DecisionRow = { id: "responsibility", ask: "must", info: "any", tool: "any", use: "any", duty: who.duty, verdict: "yes", citations: who.citations };
          return composeAnswer(e.pack, retrieval, lang, { verdict: null, rows: [row] });
        }
      }
      // a topic the policy never speaks of (licences, courses, costs …) is not covered, unless the
      // question hands material to a tool ("klistra in kostnadskalkylen i ChatGPT"), lets it decide, or reports a mishap;
      // asked after the questions of class and scope, which name the policy itself
      const handlesMaterial = slots.duty.has("report") || MISHAP.test(mended) || (slots.ask !== undefined && slots.use.has("decide")) || ["paste", "summarise", "translate", "access"].some((u) => slots.use.has(u as Use));
      if (!handlesMaterial && unruledTopic(question, e.ruledTopics)) {
        return composeAnswer(e.pack, { ...retrieval, inScope: false, faq: undefined }, lang, undefined);
      }
      // "räcker det att chefen säger ok?": what is offered against what the rules ask
      const outcome = judgeSufficiency(mended, slots, e.pack.decisions, e.pack.facts.tools.copilot.class) ?? decide(e.pack.decisions, slots, e.pack.facts.tools.copilot.class);
      // the table answers a question retrieval doubts only when it names AI and a row applies
      const usable = retrieval.inScope || (slots.namesAi && outcome.verdict !== null);
      // something went wrong with AI ("AI:n gav fel siffror som vi skickat ut"): what to do now is the policy's, whatever else the question says
      const mishap = !retrieval.inScope && slots.namesAi && MISHAP.test(mended) && retrieval.ranked.length > 0;
      return composeAnswer(e.pack, mishap ? { ...retrieval, inScope: true } : retrieval, lang, usable ? { ...outcome, ask: slots.ask } : undefined);
    },
  };
}

/** load the built-in packs plus an organisation's own (extraDir, from POLICY_DIR); lazy: see createPolicyLibrary */
export function loadPolicyLibrary(opts: { extraDir?: string; lazy?: boolean } = {}): PolicyLibrary {
  return createPolicyLibrary(loadPacks(policyDirs(opts.extraDir)), { lazy: opts.lazy });
}
