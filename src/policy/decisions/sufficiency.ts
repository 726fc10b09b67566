// "Räcker det att chefen säger ok?", "is that all the sign-off we need?": whether what the
// asker did or plans meets what the rules ask in that situation. The requirements are the
// rows that apply (their conditions, or the duties they require and the rows quoted beside
// them in the same section); what the asker offers is read with the same words (duties,
// roles). Not enough when a role or duty the rules name is not offered, or a wording a rule
// prescribes is not the one offered: no, quoting what is missing. Never a "yes" from here.
import type { QuestionSlots } from "./question-slots";
import { dutiesNamed } from "./question-slots";
import { rolesIn } from "./responsibility";
import type { DecisionRow, Duty, Role } from "./schema";
import { decide, matches, type DecisionOutcome } from "./verdict";
import type { ToolClass } from "../types";

export type SufficiencyOutcome = DecisionOutcome & { enough: true };

/** "'Foto: AI'", "“Skapad med AI”": a wording the asker offers */
const QUOTED = /['"”“‘’«»]([^'"”“‘’«»]{2,60})['"”“‘’«»]/gu;
/** a wording a rule prescribes: "ska texten Denna bild har genererats med hjälp av AI stå" */
const PRESCRIBED = /texten\s+['"”“]?(\p{Lu}[^.'"”“]{5,120})/u;

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export function judgeSufficiency(question: string, q: QuestionSlots, rows: DecisionRow[], copilotClass?: ToolClass): SufficiencyOutcome | undefined {
  if (!q.enough) return undefined;
  const offeredDuties = dutiesNamed(question);
  const offeredRoles = rolesIn(question);
  offeredRoles.delete("employee");
  if (offeredRoles.size > 0) offeredDuties.add("approval");
  // what the asker offers is a duty done ("säga till chefen", "chefen sa ok"): the rules' duties in that situation
  const asMust = offeredDuties.size > 0;
  const outcome = decide(rows, asMust ? { ...q, ask: "must", duty: offeredDuties } : q, copilotClass);
  if (outcome.verdict === null) return undefined;
  // allowed or forbidden whatever is offered: the ordinary answer says so
  if (!asMust && outcome.verdict !== "conditional") return undefined;
  let required: DecisionRow[];
  if (asMust) {
    const named = outcome.rows.filter((r) => r.verdict === "yes");
    if (named.length === 0) return undefined;
    // the rows quoted in the same sections, about the same situation ("Alla incidenter … ska dokumenteras")
    const sections = new Set(named.flatMap((r) => r.citations.map((c) => c.section)));
    const beside = rows.filter(
      (r) =>
        r.ask === "must" && r.verdict === "yes" && !named.includes(r) && matches(r.info, q.info) && matches(r.tool, q.tool) && matches(r.use, q.use) && r.citations.some((c) => sections.has(c.section)),
    );
    required = [...named, ...beside];
  } else required = outcome.rows.filter((r) => r.verdict === "conditional");

  const text = (r: DecisionRow) => [r.condition?.sv ?? "", r.condition?.en ?? "", ...r.citations.map((c) => c.quote)].join(" \n ");
  const missing = required.filter((r) => {
    const roles = [...rolesIn(text(r))].filter((x): x is Role => x !== "employee");
    const duties: Duty[] = asMust && r.duty !== "any" ? r.duty : [...dutiesNamed(r.condition?.sv ?? "")];
    const roleMissing = roles.some((x) => !offeredRoles.has(x));
    const dutyMissing = duties.length > 0 && !duties.some((d) => offeredDuties.has(d));
    // the rule prescribes a wording and the asker offers another
    const prescribed = PRESCRIBED.exec(text(r))?.[1];
    const offeredWording = [...question.matchAll(QUOTED)].map((m) => squash(m[1]));
    const wrongWording = prescribed !== undefined && offeredWording.length > 0 && !offeredWording.some((w) => squash(prescribed).includes(w));
    return roleMissing || dutyMissing || wrongWording;
  });
  // all the rows name is offered: the rows do not hold everything a situation asks (what may be
  // entered at all, say), so that is no "yes", and the ordinary answer stands
  if (missing.length === 0) return undefined;
  return { verdict: "no", rows: missing.slice(0, 3), enough: true };
}
