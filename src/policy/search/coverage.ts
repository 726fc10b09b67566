// Does the policy cover the question? Decided from the question's own content
// words, not from a search score: each word is "covered" when the policy (or a
// concept the policy talks about) uses it. A question about semester days has
// words the policy never uses; one about "kundens uppgifter" has concept words
// that it does. Scores only break ties (see engine.ts).
import type { Vocabulary } from "../analysis/vocabulary";
import type { AnalyzedQuery } from "./query";
import { fold } from "../analysis/normalize";
import { nearWord, usesGroup } from "./memo";
import { isCommonWord } from "../analysis/common-words";

export interface Coverage {
  /** content words counted */
  counted: number;
  /** of which covered (anchors and compound parts count in part) */
  covered: number;
  /** question names AI (a tool, or generative AI) */
  anchor: boolean;
  /** question touches a concept only an AI/data policy regulates, and this policy uses it */
  topic: boolean;
  fraction: number;
}

// concept groups too generic to say anything about scope ("use", "work")
const WEAK_GROUPS = new Set(["work-use"]);
// feedback and revision are a policy's topic only when the question names the policy itself
// ("kan jag ge feedback på policyn?", not "feedback till en kollega")
const POLICY_SELF_GROUPS = new Set(["policy-lifecycle"]);
const POLICY_NAMED = /^(?:(?:ai-)?polic(?:y|yn|yns|ies)|riktlinje(?:n|r|rna)?|(?:ai-)?regler(?:na)?|rules|guidelines?|styrdokument(?:et)?|dokumentet)$/;

export function measureCoverage(q: AnalyzedQuery, packVocab: Vocabulary): Coverage {
  const conceptAt = new Map<number, { topic: boolean; weak: boolean }>();
  const policyNamed = q.tokens.some((t) => POLICY_NAMED.test(t.raw.toLowerCase()));
  for (const hit of q.concepts) {
    if (hit.implied) continue;
    // a concept counts only if this policy uses one of its words
    const present = usesGroup(packVocab, hit.group);
    if (!present && !WEAK_GROUPS.has(hit.group.id)) continue;
    for (const pos of hit.positions) {
      const prev = conceptAt.get(pos);
      conceptAt.set(pos, {
        topic: (prev?.topic ?? false) || (hit.group.topic && (policyNamed || !POLICY_SELF_GROUPS.has(hit.group.id))),
        weak: (prev?.weak ?? true) && WEAK_GROUPS.has(hit.group.id),
      });
    }
  }

  let counted = 0;
  let covered = 0;
  let anchor = false;
  let topic = false;
  let setAside = 0;
  q.tokens.forEach((t, i) => {
    if (!t.content || t.joined) return;
    const c = conceptAt.get(i);
    if (c?.weak) return; // neither evidence nor counter-evidence
    if (t.anchor) {
      anchor = true;
      return;
    }
    counted++;
    if (c) {
      covered++;
      if (c.topic) topic = true;
      return;
    }
    // English words reach the policy through concepts and the glossary
    if (q.lang === "en") {
      if (t.swedish.some((f) => packVocab.has(f))) covered++;
      else if (isCommonWord(q.lang, t.raw)) setAside++;
      return;
    }
    const f = t.folded;
    if (f.some((x) => packVocab.has(x)) || packVocab.has(fold(t.raw))) {
      covered++;
      return;
    }
    // a typo ("anvnda") or a lost å/ä/ö in a longer word
    const maxEdits = t.raw.length >= 9 ? 2 : t.raw.length >= 5 ? 1 : 0;
    if (maxEdits > 0 && f.some((x) => nearWord(packVocab, x, maxEdits))) {
      covered += 0.75;
      return;
    }
    // a compound of known words ("incidentrapport")
    const parts = packVocab.split(t.raw);
    if (parts && parts.every((p) => packVocab.has(fold(p)))) covered += 0.5;
    else if (isCommonWord(q.lang, t.raw)) setAside++;
  });
  // in a question about AI or a policy topic, an everyday word the policy does not use is
  // neither evidence nor counter-evidence ("ta", "actually"); elsewhere it still counts against
  if (anchor || topic) counted -= setAside;
  return { counted, covered, anchor, topic, fraction: counted === 0 ? (anchor ? 1 : 0) : covered / counted };
}

/**
 * the refusal rule. In scope when the question names AI and a third of its other words
 * are the policy's (a quarter in a long question, whose telling of the situation adds
 * words no policy uses), or it touches a policy-only concept (secrecy, personal data,
 * copyright, AI images…) with at least half its words covered.
 */
export function inScope(c: Coverage): boolean {
  if (c.anchor) return c.counted === 0 || c.fraction >= (c.counted >= 8 ? 0.25 : 1 / 3 - 1e-9);
  if (c.topic) return c.fraction >= 0.5;
  return c.counted >= 2 && c.fraction >= 0.8;
}
