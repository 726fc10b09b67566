// Mending slips before a question is read: only long unknown words, one edit inside the word,
// and only to a word that names something the reader looks for.
import { strict as assert } from "node:assert";
import { Spelling } from "../../src/policy/analysis/spelling";
import { Vocabulary } from "../../src/policy/analysis/vocabulary";
import { tokenize } from "../../src/policy/analysis/normalize";

function speller(text: string): Spelling {
  const vocab = new Vocabulary();
  const spelling = new Spelling(vocab);
  for (const t of tokenize(text)) {
    vocab.add(t);
    spelling.add(t);
  }
  return spelling;
}

describe("mending slips in a question", () => {
  const spelling = speller("Sekretessbelagda uppgifter och personnummer får inte matas in. Systemet fungerar. Brukare och medborgare. Interna dokument.");
  const material = (w: string) => ["sekretessbelagda", "personnummer", "interna", "brukare", "medborgare"].includes(w);

  it("mends a letter dropped, added or changed inside a known word of material, keeping a capital", () => {
    assert.equal(spelling.mend("får jag lägga in sekretesbelagda uppgifter?", material), "får jag lägga in sekretessbelagda uppgifter?");
    assert.equal(spelling.mend("Personnumer i Copilot?", material), "Personnummer i Copilot?");
  });

  it("leaves alone a word the reader does not look for, an inflection, a word of another language and short words", () => {
    assert.equal(spelling.mend("jag funderar på att testa", material), "jag funderar på att testa", "'fungerar' names no material");
    assert.equal(spelling.mend("en brukares namn", material), "en brukares namn");
    assert.equal(spelling.mend("our internal memos", material), "our internal memos");
    assert.equal(spelling.mend("brukre", material), "brukre");
  });
});
