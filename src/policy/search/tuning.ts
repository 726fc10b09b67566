// Search weights in one place (measured with `npm run bench`; see bench/README.md).
export const TUNING = {
  /** field boosts */
  text: 1,
  section: 0.6,
  context: 0.5,
  folded: 0.4,
  concepts: 0.6,
  /** questions written from the policy text that a passage answers (questions.jsonl) */
  asked: 0.6,
  /** weight of the user's own words; AI product names; compound parts; concepts */
  own: 1,
  anchor: 0.3,
  part: 0.6,
  concept: 1,
  translation: 0.3,
  /** curated-entry lift of cited passages, and the share of the question an entry must explain */
  faqBonus: 0.35,
  faqLiftMin: 0.25,
  /** a curated entry at least this sure puts its citations first */
  faqLead: 0.6,
  // the reranker's weights are learned: ranking-weights.ts
};
