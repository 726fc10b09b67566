// Person names: lists from all of Sweden's communities, full names, context, and the words
// that only look like names.
import { strict as assert } from "node:assert";
import { found } from "./helpers";
import { reviewDraft } from "../../src/review";

describe("review/names", () => {
  it("case and report labels make the next capitalised words a name, also unlisted ones", () => {
    assert.deepEqual(found("Complainant: Semira Haile, payroll team.", "PERSON_NAME"), ["Semira Haile"]);
    assert.deepEqual(found("Huvudman: Gösta Lindqvist, 470819-3802", "PERSON_NAME"), ["Gösta Lindqvist"]);
    assert.deepEqual(found("Family: Oleksandr Melnyk and his daughter", "PERSON_NAME"), ["Oleksandr Melnyk"]);
  });

  it("full names from many communities, double first names and surnames", () => {
    const text = "Närvarande: Gunnar Persson, Zeynep Demir, Sven-Olof Bergström, Dragan Petrović, Hodan Abdi, Reza Ahmadi, Aino Korhonen, Agnieszka Nowak, Somchai Saetang och Liam Eriksson Haddad.";
    assert.deepEqual(found(text, "PERSON_NAME"), ["Gunnar Persson", "Zeynep Demir", "Sven-Olof Bergström", "Dragan Petrović", "Hodan Abdi", "Reza Ahmadi", "Aino Korhonen", "Agnieszka Nowak", "Somchai Saetang", "Liam Eriksson Haddad"]);
  });

  it("a lone first name in running text and at a sentence start", () => {
    assert.deepEqual(found("Ingrid har lovat att ordna ljudet. Sedan pratar vi med Oscar.", "PERSON_NAME"), ["Ingrid", "Oscar"]);
  });

  it("lowercase chat text", () => {
    assert.deepEqual(found("hej anna kan du ringa lisa på fredag", "PERSON_NAME"), ["anna", "lisa"]);
    assert.deepEqual(found("ahmed e sjuk idag", "PERSON_NAME"), ["ahmed"]);
  });

  it("speakers on time-stamped chat lines, also nicknames no list holds, and their later mentions", () => {
    assert.deepEqual(found("[08:51] jocke: nån som vet?\n[08:53] bettan: fråga jocke\n[08:54] jonte: ok", "PERSON_NAME"), ["jocke", "bettan", "jocke", "jonte"]);
    assert.deepEqual(found("[09:02] Receptionen: projektorn visar ingen signal\n[09:03] IT-support: starta om den", "PERSON_NAME"), []);
    assert.deepEqual(found("[12:00:01] error: disk full\n[12:00:02] info: retry\n08:51 system: restart", "PERSON_NAME"), []);
  });

  it("kin words make the next capitalised word a name, also an unlisted one", () => {
    assert.deepEqual(found("Family: Oleksandr Melnyk and his daughter Sofiia, 7.", "PERSON_NAME"), ["Oleksandr Melnyk", "Sofiia"]);
    assert.deepEqual(found("Hon bor med dottern Faadumo Warsame.", "PERSON_NAME"), ["Faadumo Warsame"]);
  });

  it("signatures and greetings make even word-like names count", () => {
    assert.deepEqual(found("Tack för hjälpen!\n\nHälsningar\nPer", "PERSON_NAME"), ["Per"]);
    assert.deepEqual(found("Hej Björn, kan du kolla detta?", "PERSON_NAME"), ["Björn"]);
    assert.deepEqual(found("/Ebba Wallin, Tullgatan 3", "PERSON_NAME"), ["Ebba Wallin"]);
  });

  it("ordinary words that are also names need context", () => {
    assert.deepEqual(found("Björn finns inte i området, men älg och rådjur är vanliga.", "PERSON_NAME"), []);
    assert.deepEqual(found("Det kostar 450 kr per månad. Hans förslag var bra. Kan du skicka det?", "PERSON_NAME"), []);
  });

  it("place names are not people", () => {
    assert.deepEqual(found("Start i Hjo hamn, följ Vätternleden mot Karlsborg. Från Göteborg till Söderköping och Norrköping.", "PERSON_NAME"), []);
  });

  it("not inside e-mail addresses or URLs", () => {
    assert.deepEqual(found("Skicka till henrik.sandberg@nordkraftbygg.se eller https://example.se/anna", "PERSON_NAME"), []);
  });

  it("mail header labels are not speakers; the names after them are names", () => {
    assert.deepEqual(found("Från: Lena Ekberg\nTill: Mats Holmgren\nKopia: Nadia Haddad\nÄmne: Schemat", "PERSON_NAME"), ["Lena Ekberg", "Mats Holmgren", "Nadia Haddad"]);
    assert.deepEqual(found("From: Grace Nilsson\nTo: IT support\nCc: Tom Becker", "PERSON_NAME"), ["Grace Nilsson", "Tom Becker"]);
  });

  it("a month's short form among dates is no name; jan who is spoken to still is", () => {
    assert.deepEqual(found("Prognosen gäller feb–jun, utfallet jan 2025 och 14 jan.", "PERSON_NAME"), []);
    assert.deepEqual(found("tack jan, jag ringer dig sen", "PERSON_NAME"), ["jan"]);
  });

  it("system senders in a time-stamped log speak for no one; people's handles still do", () => {
    assert.deepEqual(found("[07:58] larmcentral: Brandlarm återställt.\n[08:01] schemabot: Pass bytt.\n[08:03] kicki: jag tar det", "PERSON_NAME"), ["kicki"]);
  });

  it("common Swedish first names the lists had missed", () => {
    assert.deepEqual(found("Hampus Lind och Conny Ek ringer Helge Sjö.", "PERSON_NAME"), ["Hampus Lind", "Conny Ek", "Helge Sjö"]);
  });
});

describe("review: politicians named in their role", () => {
  it("a party's letters after a name or a committee chair before it warn rather than block; a club's chair with a diagnosis blocks", () => {
    const quote = reviewDraft("– Bra för alla åldrar, säger kommunstyrelsens ordförande Maria Lindahl (M). Simhallen öppnar i augusti.");
    assert.equal(quote.verdict, "warn");
    assert.equal(reviewDraft("Beslutet togs efter förslag från Karin Ek (S) och Per Holm (C).").verdict, "warn");
    assert.equal(reviewDraft("Socialnämndens ordförande Jonas Wik presenterade budgeten.").verdict, "warn");
    const club = reviewDraft("Föreningens ordförande Anna Berg ringde om sin sons diagnos.");
    assert.equal(club.verdict, "block");
  });
});

describe("review: authors cited with a year", () => {
  it("'Hattie (2009)', 'Lundström och Berg (2019)' warn; a name with a year and a personnummer near it blocks", () => {
    const cited = reviewDraft("Skriv om till klarspråk: Enligt Lundström och Berg (2019) påverkas måluppfyllelsen av tidiga insatser. Hattie (2009) visar att återkoppling har stor effekt.");
    assert.notEqual(cited.verdict, "block");
    assert.equal(reviewDraft("Se Ek et al. (2021) om språkutveckling.").verdict === "block", false);
    assert.equal(reviewDraft("Eleven Lina Kask (2011) har personnummer 20110412-2383.").verdict, "block");
  });
});
