// The verdict a pack's decision table gives a question (policies/DECISIONS.md): the rows
// whose slots all match; of those, the strictest for "may" (no, then only if, then yes)
// and the most demanding for "must". A question that leaves open a slot the rows differ
// on gets "no" if they all forbid, "only on a condition" if some allow (naming what it
// depends on), and no verdict if they all allow. No row: no verdict. Never a guess.
import type { ToolClass } from "../types";
import type { QuestionSlots } from "./question-slots";
import type { DecisionRow, RowVerdict } from "./schema";

export type OpenSlot = "info" | "tool" | "use" | "duty";

export interface DecisionOutcome {
  verdict: RowVerdict | null;
  /** the rows that give the verdict, or (with dependsOn) the rows that disagree */
  rows: DecisionRow[];
  /** the question leaves these open and the rows may differ on them (the verdict, if any, holds however they are filled, or only on a condition) */
  dependsOn?: OpenSlot[];
  /** "no" because the question asserted away a duty the rows require */
  denied?: boolean;
  /** the verdict says whether what the asker offers is enough (sufficiency.ts) */
  enough?: boolean;
  /** the question asked to confirm a prohibition: "yes" means the rules forbid it */
  prohibitionAsked?: boolean;
  /** allowed once what the rules require first (approval, an analysis) is done: the rows quote it */
  afterPrerequisites?: boolean;
  /** "yes": the rules want AI used (asked whether it is encouraged or expected) */
  encouraged?: boolean;
}

const MAY_ORDER: RowVerdict[] = ["no", "conditional", "yes"];
const MUST_ORDER: RowVerdict[] = ["yes", "conditional", "no"];

/** a row's slot holds the question's values: "any", or one value in common */
export function matches(slot: "any" | readonly string[], values: ReadonlySet<string>): boolean {
  return slot === "any" || slot.some((v) => values.has(v));
}

/** s covers a subset of r's situations on every slot, and fewer on one */
function narrower(s: DecisionRow, r: DecisionRow, names: OpenSlot[]): boolean {
  let strictly = false;
  for (const n of names) {
    const a = s[n] as "any" | readonly string[];
    const b = r[n] as "any" | readonly string[];
    if (b === "any") {
      if (a !== "any") strictly = true;
      continue;
    }
    if (a === "any" || !a.every((v) => b.includes(v))) return false;
    if (a.length < b.length) strictly = true;
  }
  return strictly;
}

/**
 * Copilot where the table never names it: read as the tool class the pack gives Copilot
 * (public or approved); "needs-analysis" stays Copilot, which no row matches.
 */
function toolsFor(q: QuestionSlots, rows: DecisionRow[], copilotClass: ToolClass | undefined): Set<string> {
  const tools = new Set<string>(q.tool);
  if (tools.has("copilot") && !rows.some((r) => r.tool !== "any" && r.tool.includes("copilot"))) {
    if (copilotClass === "public") tools.add("public");
    if (copilotClass === "approved") tools.add("approved");
  }
  return tools;
}

export function decide(rows: DecisionRow[], q: QuestionSlots, copilotClass?: ToolClass): DecisionOutcome {
  // "uppmuntrar kommunen att vi testar AI?": a rule that AI is to be used, whatever the material, answers yes
  if (q.encouraged) {
    const wanted = rows.filter((r) => r.ask === "may" && r.verdict === "yes" && r.info === "any" && r.use !== "any" && r.use.length === 1 && r.use[0] === "use");
    if (wanted.length > 0) return { verdict: "yes", rows: wanted.slice(0, 3), encouraged: true };
  }
  // material of one kind or another ("ibland offentligt, ibland internt"): if the kinds are ruled
  // differently, it is allowed only for some of them, and the answer quotes how each goes
  if (q.ask === "may" && q.alternatives && q.info.size > 1) {
    const each = [...q.info].map((k) => decideAsked(rows, { ...q, info: new Set([k]) }, copilotClass)).filter((o) => o.verdict !== null);
    const verdicts = new Set(each.map((o) => o.verdict));
    if (verdicts.size > 1) {
      const shown = MAY_ORDER.map((v) => each.find((o) => o.verdict === v)?.rows[0]).filter((r): r is DecisionRow => r !== undefined);
      return { verdict: "conditional", rows: shown, dependsOn: ["info"] };
    }
  }
  const outcome = decideAsked(rows, q, copilotClass);
  // "Får vi börja använda AI-funktionen i bygglovssystemet?": allowed, but only once what the rules
  // require first for that very situation (approval, a risk or impact analysis) is done
  if (q.ask === "may" && outcome.verdict === "yes") {
    const first = prerequisites(rows, q, copilotClass);
    if (first.length > 0) return { verdict: "conditional", rows: [...first, ...outcome.rows].slice(0, 3), afterPrerequisites: true };
  }
  // "betyder det att jag inte får skicka det rakt av?": the rules forbidding it is a yes to that question, allowing it a no
  if (q.confirmsProhibition && (outcome.verdict === "no" || outcome.verdict === "yes")) return { ...outcome, verdict: outcome.verdict === "no" ? "yes" : "no", prohibitionAsked: true };
  // "måste vi fundera på om det blir allmänna handlingar?": a duty that holds only if something is so is a duty to consider whether it is
  if (q.considers && q.ask === "must" && outcome.verdict === "conditional" && !outcome.dependsOn) return { ...outcome, verdict: "yes" };
  // "that's on the tool, not me, right?" asserts a required duty away: the rules say no
  if (q.denies && q.ask === "must" && outcome.verdict === "yes") return { ...outcome, verdict: "no", denied: true };
  return outcome;
}

const PREREQUISITES = new Set(["approval", "risk-analysis", "dpia"]);

/** must-rows requiring something before use in the question's own situation, narrower than "whatever the situation" */
function prerequisites(rows: DecisionRow[], q: QuestionSlots, copilotClass?: ToolClass): DecisionRow[] {
  const tool = toolsFor(q, rows, copilotClass);
  const slots: Record<"info" | "tool" | "use", ReadonlySet<string>> = { info: q.info, tool, use: q.use };
  return rows.filter(
    (r) =>
      r.ask === "must" &&
      r.verdict === "yes" &&
      r.duty !== "any" &&
      r.duty.some((d) => PREREQUISITES.has(d)) &&
      (["info", "tool", "use"] as const).every((n) => r[n] === "any" || (slots[n].size > 0 && matches(r[n], slots[n]))) &&
      (["info", "tool", "use"] as const).some((n) => r[n] !== "any"),
  );
}

function decideAsked(rows: DecisionRow[], q: QuestionSlots, copilotClass?: ToolClass): DecisionOutcome {
  if (!q.ask) return { verdict: null, rows: [] };
  // a question that names no information, tool, use or duty is not about what the table rules
  // on ("kan man få sparken …?"): rows that hold "whatever the situation" do not answer it
  if (q.info.size + q.tool.size + q.use.size + q.duty.size === 0) return { verdict: null, rows: [] };
  const ask = q.ask;
  const candidates = rows.filter((r) => r.ask === ask);
  const tool = toolsFor(q, candidates, copilotClass);
  const slots: Record<OpenSlot, ReadonlySet<string>> = { info: q.info, tool, use: q.use, duty: q.duty };
  const names: OpenSlot[] = ask === "must" ? ["info", "tool", "use", "duty"] : ["info", "tool", "use"];

  const order = ask === "may" ? MAY_ORDER : MUST_ORDER;
  // a condition the situation itself meets ("only open information", asked about open information) is a yes
  const met = (r: DecisionRow): DecisionRow =>
    r.verdict === "conditional" && r.metBy && q.info.size > 0 && [...q.info].every((i) => r.metBy!.info.includes(i)) ? { ...r, verdict: "yes" } : r;
  const also = (r: DecisionRow) => !r.alsoUse || r.alsoUse.some((u) => q.use.has(u));
  const matching = candidates.filter((r) => also(r) && names.every((n) => matches(r[n], slots[n]))).map(met);
  // a row about a narrower situation that grants more is the general row's exception ("public
  // AI: only open information" gives way to "public AI with open information: yes"); rows
  // that ask as much or more all hold at once
  const applicable = matching.filter((r) => !matching.some((s) => s !== r && narrower(s, r, names) && order.indexOf(s.verdict) > order.indexOf(r.verdict)));
  if (applicable.length > 0) {
    const verdict = order.find((v) => applicable.some((r) => r.verdict === v))!;
    // a "yes" for any tool, asked without a tool the table knows, while some tool is ruled
    // stricter ("a model on my laptop", "that new assistant"): it depends on the tool
    // Copilot not yet classed by the policy ("needs-analysis") is as unknown as no tool at all
    const unclassed = tool.size === 0 || (copilotClass === "needs-analysis" && [...tool].every((t) => t === "copilot"));
    if (ask === "may" && verdict === "yes" && unclassed) {
      const forSituation = (r: DecisionRow) => r.tool !== "any" && also(r) && names.every((n) => n === "tool" || matches(r[n], slots[n]));
      // … unless that tool's own narrower row grants it ("public AI with open information: yes")
      const stricter = candidates.filter(
        (r) =>
          forSituation(r) &&
          order.indexOf(r.verdict) < order.indexOf("yes") &&
          !candidates.some((s) => s !== r && forSituation(s) && narrower(s, r, names) && order.indexOf(s.verdict) > order.indexOf(r.verdict)),
      );
      if (stricter.length > 0) return { verdict: "conditional", rows: [stricter[0], ...applicable.filter((r) => r.verdict === verdict)].slice(0, 3), dependsOn: ["tool"] };
    }
    return { verdict, rows: applicable.filter((r) => r.verdict === verdict) };
  }

  // rows that would apply had the question said more: what the answer depends on
  const open = names.filter((n) => slots[n].size === 0);
  // a "must" question whose duty is not read ("ska jag trycka tillåt?") is not answered by every duty the table knows
  if (ask === "must" && open.includes("duty")) return { verdict: null, rows: [] };
  const partial = candidates.filter((r) => also(r) && names.every((n) => (slots[n].size === 0 ? r[n] !== "any" : matches(r[n], slots[n]))));
  if (partial.length === 0 || open.length === 0) return { verdict: null, rows: [] };
  const dependsOn = open.filter((n) => partial.some((r) => r[n] !== "any"));
  // one row per verdict, strictest first: the answer quotes how it can go
  const shown = order.map((v) => partial.find((r) => r.verdict === v)).filter((r): r is DecisionRow => r !== undefined);
  // what the rows rule however the open slot is filled: all "no" is a no; some allowing, some not,
  // is allowed only on a condition (the answer names what it depends on); all "yes" is not said
  // while a slot is open
  const verdicts = new Set(shown.map((r) => r.verdict));
  if (verdicts.size === 1 && !verdicts.has("yes")) return { verdict: shown[0].verdict, rows: shown, dependsOn };
  if (verdicts.size > 1) return { verdict: "conditional", rows: shown, dependsOn };
  return { verdict: null, rows: shown, dependsOn };
}
