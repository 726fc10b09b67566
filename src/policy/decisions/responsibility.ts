// Who a policy makes responsible for a duty, and yes/no questions that ask it: "Är det IT som
// ska göra riskanalysen?", "Is it my manager who approves the tool?". The roles come from the
// pack's decisions.json ("responsibilities", each quoting the rule that names the role); the
// question is read with general role words. A role the policy does not name for the duty gets
// "no" only when the policy names someone else for it; a duty it assigns to no one gets nothing.
import type { Duty, Responsibility, Role } from "./schema";
import { dutiesNamed } from "./question-slots";
import { rx, type Lexicon } from "./word-patterns";

const ROLE_WORDS: Lexicon<Role> = [
  ["ceo", rx("vd(?![\\p{L}])|vd:n|verkställande\\s+direktör|ceo(?![\\p{L}])|chief\\s+executive|managing\\s+director")],
  ["management", rx("(?:företags|kommun)?ledning(?:en|ens)?(?![\\p{L}])|ledningsgrupp\\p{L}*|(?:senior\\s+|top\\s+)?management(?![\\p{L}])|leadership")],
  ["business-manager", rx("verksamhetschef\\p{L}*|verksamhetsansvarig\\p{L}*|förvaltningschef\\p{L}*|sektorchef\\p{L}*|head\\s+of\\s+(?:the\\s+)?(?:operations?|department|service|unit)")],
  ["manager", rx("(?:närmaste\\s+)?(?:enhets|avdelnings|linje|grupp|team)?chef(?:en|er|erna|ens)?(?![\\p{L}])|(?:line\\s+|team\\s+|my\\s+|our\\s+|the\\s+)?manager(?![\\p{L}])|boss(?![\\p{L}])|team\\s+lead(?:er)?")],
  ["board", rx("nämnd(?:en|er|erna|ens)?(?![\\p{L}])|\\p{L}+nämnd(?:en|er|erna)?(?![\\p{L}])|kommunstyrelse(?:n)?|styrelse(?:n)?(?![\\p{L}])|(?:the\\s+)?board(?![\\p{L}])|committee")],
  ["system-owner", rx("systemansvarig\\p{L}*|systemförvaltar\\p{L}*|systemägar\\p{L}*|system\\s*(?:owner|administrator|manager)")],
  ["it", rx("it-(?:avdelning|enhet|ansvarig|support|funktion|chef|säkerhet)\\p{L}*|it:s(?![\\p{L}])|it\\s+(?:department|support|team|staff|manager)|(?:the\\s+)?it\\s+people")],
  ["dpo", rx("dataskyddsombud\\p{L}*|dpo(?![\\p{L}])|data\\s+protection\\s+officer")],
  // "ledningssystemet för informationssäkerhet": the function that handles information security
  ["security", rx("ledningssystem(?:et)?(?![\\p{L}])|informationssäkerhets(?:ansvarig|samordnare|funktion|enhet)\\p{L}*|säkerhetsansvarig\\p{L}*|ciso(?![\\p{L}])|(?:information\\s+)?security\\s+(?:officer|team|function)")],
  ["legal", rx("jurist\\p{L}*|juridik(?:en)?|legal\\s+(?:team|department|counsel)|lawyers?")],
  ["contractor", rx("konsult\\p{L}*|uppdragstagar\\p{L}*|inhyrd\\p{L}*|contractors?|consultants?")],
  ["employee", rx("(?:jag|vi|du|ni|man)(?![\\p{L}])|medarbetar\\p{L}*|anställd\\p{L}*|användar(?:e|en|na)(?![\\p{L}])|handläggar\\p{L}*|tjänsteperson\\p{L}*|(?:i|we|me|us|you)(?![\\p{L}'’])|employees?|staff\\s+members?|users?(?![\\p{L}])|each\\s+of\\s+us")],
];
// IT written in capitals is the IT department; "it" is a pronoun in English
const IT_CAPS = /(?<![\p{L}])IT(?![\p{L}])/u;

/** "är det X som ska …", "ska X göra …", "is it X who …", "is X responsible for …", "is that X's job" */
const FORMS = [
  rx("(?:är|blir)\\s+det\\s+(?<who>.{1,60}?)\\s+som\\s+(?:ska|skall|måste|bör|ansvarar|har\\s+ansvar|står\\s+för|gör|godkänner|beslutar|bestämmer|fattar|sköter|tar\\s+(?:fram|hand\\s+om))"),
  rx("(?:ansvarar|är)\\s+(?<who>.{1,40}?)\\s+(?:ansvarig(?:a)?\\s+för|som\\s+ansvarar)"),
  rx("(?:ligger|hamnar)\\s+(?:det|ansvaret)\\s+(?:på|hos)\\s+(?<who>.{1,40}?)(?:\\s+att|\\s*\\?|,)"),
  rx("is\\s+it\\s+(?<who>.{1,60}?)\\s+(?:who|that)\\s+(?:should|must|has\\s+to|have\\s+to|is\\s+supposed\\s+to|does|approves|decides|signs|is\\s+responsible)"),
  rx("(?:is|are)\\s+(?<who>.{1,40}?)\\s+(?:responsible|in\\s+charge)\\s+for"),
  rx("is\\s+(?:that|this|it)\\s+(?<who>.{1,40}?)(?:'s|’s|s)\\s+(?:job|responsibility|call|task)"),
  // "teamledaren säger att vi i teamet själva måste göra riskanalysen, är det så?": a claim of whose duty it is, to be checked
  rx("(?:säger|sa|sade|menar|påstår|says|said|claims?|told\\s+(?:me|us))\\s+(?:att|that)\\s+(?<who>.{1,40}?)\\s+(?:själva\\s+|ourselves\\s+|themselves\\s+|myself\\s+)?(?:måste|ska|skall|bör|must|should|have\\s+to|has\\s+to|need\\s+to)\\s"),
];

const DECIDES = rx("beslut(?:a|ar|ade|at)\\s+(?:om|att)|fatta(?:r)?\\s+beslut(?:et)?(?:\\s+om)?|bestämm(?:a|er)\\s+om|decide[sd]?\\s+(?:on|whether|if)|makes?\\s+the\\s+decision|signs?\\s+off");

export interface ResponsibilityAnswer {
  verdict: "yes" | "no";
  /** the roles the policy names for the duty */
  roles: Role[];
  rule: Responsibility;
}

export function rolesIn(text: string): Set<Role> {
  const out = new Set<Role>();
  for (const [role, re] of ROLE_WORDS) {
    if (re.test(text)) out.add(role);
  }
  if (IT_CAPS.test(text)) out.add("it");
  // "närmaste chef" is a manager, "verksamhetschef" a head of operations: the narrower word wins
  if (out.has("business-manager")) out.delete("manager");
  return out;
}

/** a yes/no question of who carries a duty, answered from the pack's responsibilities; undefined when it is not one, or the policy names no one */
export function answerResponsibility(question: string, responsibilities: readonly Responsibility[]): ResponsibilityAnswer | undefined {
  if (responsibilities.length === 0) return undefined;
  let who: string | undefined;
  let from = 0;
  for (const re of FORMS) {
    const m = re.exec(question);
    if (m?.groups?.who) {
      who = m.groups.who;
      from = m.index;
      break;
    }
  }
  if (who === undefined) return undefined;
  const asked = rolesIn(who);
  // "vi konsulter", "we in IT": the role the pronoun is part of
  if (asked.size > 1) asked.delete("employee");
  // "är det jag eller systemförvaltaren …": a choice between roles is not a yes/no question
  if (asked.size !== 1 || /(?<![\p{L}])(?:eller|or)(?![\p{L}])/iu.test(who)) return undefined;
  const duties: Set<Duty> = dutiesNamed(question.slice(from));
  // "är det chefen som ska besluta om …": deciding whether one may is the approval
  if (DECIDES.test(question.slice(from))) duties.add("approval");
  if (duties.size === 0) return undefined;
  const rule = responsibilities.find((r) => r.duty.some((d) => duties.has(d)));
  if (!rule) return undefined;
  const role = [...asked][0];
  return { verdict: rule.roles.includes(role) ? "yes" : "no", roles: rule.roles, rule };
}

/** "vem står för riskanalyserna?", "who approves new tools?": who carries a duty, asked openly */
const WHO = rx("(?:vem|vilka|vilken\\s+(?:roll|funktion|chef))\\s+(?:\\p{L}+\\s+){0,2}?(?:ska|skall|måste|bör|står\\s+(?:\\p{L}+\\s+)?för|ansvarar|har\\s+ansvar|gör|godkänner|beslutar|bestämmer|fattar|sköter|tar\\s+fram)|who\\s+(?:\\p{L}+\\s+){0,1}?(?:is\\s+responsible|is\\s+in\\s+charge|does|approves|decides|signs\\s+off|handles|should|must|has\\s+to|carries\\s+out)");

/** the rule naming who carries the duty an open who-question asks about, if the policy names someone */
export function whoIsResponsible(question: string, responsibilities: readonly Responsibility[]): Responsibility | undefined {
  const m = WHO.exec(question);
  if (!m || responsibilities.length === 0) return undefined;
  // the duty may come before the asking ("hur ofta görs riskanalysen, och vem gör den?")
  const duties = dutiesNamed(question);
  if (DECIDES.test(question)) duties.add("approval");
  return responsibilities.find((r) => r.duty.some((d) => duties.has(d)));
}

