import { strict as assert } from "node:assert";
import { types } from "./helpers";

describe("review/categories", () => {
  it("health about a person, not health statistics or questions about sick pay", () => {
    assert.ok(types("Gerda Sjöström har Alzheimers sjukdom och får insulin.").includes("HEALTH"));
    assert.ok(types("min mamma sitter i rullstol efter sin stroke").includes("HEALTH"));
    assert.ok(!types("Total sjukfrånvaro 2024: 7,4 %. Korttidsfrånvaro dag 1–14: 3,2 %.").includes("HEALTH"));
    assert.ok(!types("Vad gäller för sjuklön när en anställd är sjuk längre än 14 dagar och när krävs läkarintyg?").includes("HEALTH"));
  });

  it("special categories: union, politics, religion, ethnicity, orientation, criminal records", () => {
    for (const t of [
      "Dragan Petrović är medlem i Kommunal sedan många år.",
      "Jag heter Bo Gustafsson och har varit medlem i Sverigedemokraterna i tio år.",
      "Yusuf Abdi, 4B – fläskfritt, familjen är muslimer",
      "De tillhör den romska minoriteten, sa Maria Stoica.",
      "Since I told my team that I am gay, my colleague has made jokes.",
      "Utdraget ur belastningsregistret för Kevin Nordin visar en dom för snatteri.",
    ]) assert.ok(types(t).includes("SPECIAL_CATEGORY"), t);
    assert.ok(!types("What is the difference between personal data and special categories of personal data under GDPR Article 9?").includes("SPECIAL_CATEGORY"));
  });

  it("secrecy markings, OSL references and protected identities; not policy text about secrecy", () => {
    assert.ok(types("SEKRETESS enligt 26 kap. 1 § OSL\n\nOrosanmälan inkom").includes("SECRECY"));
    assert.ok(types("KONFIDENTIELLT – endast för ledningsgruppen\n\nAnbud").includes("SECRECY"));
    assert.ok(types("en vårdnadshavare som har skyddade personuppgifter").includes("SECRECY"));
    assert.ok(types("Informationsklass: K3").includes("SECRECY"));
    assert.ok(!types("Information som omfattas av sekretess eller som är klassad högre än K0 får endast behandlas i godkända system.").includes("SECRECY"));
    assert.ok(!types("Bygglov enligt 9 kap. 4 b § PBL").includes("SECRECY"));
    assert.ok(types("Anbuden omfattas av absolut sekretess enligt 19 kap. 3 § andra stycket OSL.").includes("SECRECY"));
    assert.ok(types("Handlingen är sekretessbelagd, se 26 kap. 1 § 2 st. OSL.").includes("SECRECY"));
  });

  it("reads religion and party politics in English and Swedish, about a person", () => {
    for (const t of [
      "Semira, who is a practising Orthodox Christian, says he mocked her for fasting.",
      "Mikael Strömgren talks about his work for the Sweden Democrats every day.",
      "Han är aktiv socialdemokrat, berättade Per Ekdahl.",
    ]) assert.ok(types(t).includes("SPECIAL_CATEGORY"), t);
    assert.ok(!types("Socialdemokraterna och Moderaterna röstade för budgeten i fullmäktige.").includes("SPECIAL_CATEGORY"));
  });

  it("a short draft that identifies someone is about them throughout: its health words count anywhere", () => {
    const note = `Pat 7503128840, man, 49 år. ${"Söker för smärta i knät sedan sex månader, svullnad efter belastning. ".repeat(4)}Pat arbetar som snickare och är sjukskriven 50 %.`;
    assert.ok(types(note).includes("HEALTH"));
    assert.ok(!types(`${"Statistik över arbetsmiljön i kommunen. ".repeat(8)}Andelen sjukskrivna var 4 %.`).includes("HEALTH"));
  });
});
