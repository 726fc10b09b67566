// The search's memoisation (src/policy/search/memo.ts) returns what the plain computation
// returns, for every pack, entry and concept group, and forgets a vocabulary's answers once
// the vocabulary has grown.
import assert from "node:assert/strict";
import { CONCEPT_GROUPS } from "../../src/policy/analysis/lexicon";
import { groupExpansion } from "../../src/policy/analysis/concepts";
import { fold } from "../../src/policy/analysis/normalize";
import { Vocabulary } from "../../src/policy/analysis/vocabulary";
import { loadPacks, policyDirs } from "../../src/policy/pack-loader";
import { resolveCitation } from "../../src/policy/search/passage-index";
import { citedPassages, nearWord, usesGroup } from "../../src/policy/search/memo";

describe("policy search memoisation", () => {
  const packs = loadPacks(policyDirs());

  it("a curated entry's cited passages are the ones resolveCitation finds, for every entry of every pack, asked twice", () => {
    let entries = 0;
    for (const pack of packs) {
      for (const e of pack.faq) {
        const plain = e.citations.map((c) => resolveCitation(pack, c)).filter((p) => !!p);
        assert.deepEqual(citedPassages(pack, e), plain);
        assert.deepEqual(citedPassages(pack, e), plain);
        entries++;
      }
    }
    assert.ok(entries > 0, "the packs have curated entries");
  });

  it("whether a vocabulary uses a concept group, and a word's nearest known word, as computed plainly; forgotten when the vocabulary grows", () => {
    const v = new Vocabulary();
    for (const p of packs[0].passages) for (const w of p.text.split(/\s+/)) v.add(w.toLowerCase().replace(/[^\p{L}]/gu, ""));
    for (const g of CONCEPT_GROUPS) assert.equal(usesGroup(v, g), groupExpansion(g).some((s) => v.has(fold(s))), g.id);
    for (const w of ["anvnda", "personuppgifer", "sekretes", "zzzzzzz"]) assert.equal(nearWord(v, w, 2), v.near(w, 2), w);

    const unused = CONCEPT_GROUPS.find((g) => !usesGroup(v, g) && groupExpansion(g).length > 0);
    assert.ok(unused, "some concept group the first pack never names");
    assert.equal(nearWord(v, "qxwvbnmk", 1), undefined);
    v.add(groupExpansion(unused)[0]);
    v.add("qxwvbnml");
    assert.equal(usesGroup(v, unused), groupExpansion(unused).some((s) => v.has(fold(s))));
    assert.equal(nearWord(v, "qxwvbnmk", 1), "qxwvbnml", "the grown vocabulary is asked again");
  });
});
