// What drafts nobody had seen showed (issue 12): identifiers as people write them, passwords that are
// plain words, placeholders and card details in redacted copies, health words in compounds and in
// other languages, IRC-style chat speakers, and names in stories or public roles.
import assert from "node:assert/strict";
import { reviewDraft } from "../../src/review";
import { found } from "./helpers";

describe("review: identifiers as people write them", () => {
  it("reads a 12-digit personnummer with a space after its label, or with a valid check digit", () => {
    assert.deepEqual(found("Personnummer: 19870402 5562", "PERSONNUMMER"), ["19870402 5562"]);
    assert.deepEqual(found("pnr 19870402 5561", "PERSONNUMMER"), ["19870402 5561"], "labelled: a broken check digit still counts");
    assert.deepEqual(found("Referens 19870402 5561 i ärendet", "PERSONNUMMER"), [], "date and number after an unrelated label");
  });

  it("takes 'född' as a personnummer label", () => {
    const r = reviewDraft("Anna född 19850612-1234 kom in i går.");
    assert.ok(r.findings.some((f) => f.type === "PERSONNUMMER" && f.confidence >= 0.6));
  });

  it("masks a number written like a personnummer with a broken check digit in a text about a person, without blocking on it", () => {
    const r = reviewDraft("Hon har nummer 19850612-1234 i systemet.");
    assert.equal(r.verdict, "warn");
    assert.ok(!r.redacted.includes("19850612-1234"));
    assert.equal(reviewDraft("Tracking number 19911123-2390 was shipped.").findings.length, 0, "no person, no finding");
  });
});

describe("review: passwords that are plain words", () => {
  it("finds a plain word given as the password", () => {
    assert.deepEqual(found("lösenordet är kaffekopp", "CREDENTIAL"), ["kaffekopp"]);
    assert.deepEqual(found("lösen: vintersol", "CREDENTIAL"), ["vintersol"]);
    assert.deepEqual(found("The password is sunflower, don't share it", "CREDENTIAL"), ["sunflower"]);
  });
  it("leaves a statement about the password alone", () => {
    for (const t of ["lösenordet är för kort", "lösenordet är utgånget.", "Lösenord: saknas", "password is required.", "Mitt lösenord är sommar i dag", "lösenordet är ändrat"]) {
      assert.deepEqual(found(t, "CREDENTIAL"), [], t);
    }
  });
  it("does not take a masked password in a connection string for a credential", () => {
    assert.deepEqual(found("Server=sql-test.kommun.local;Database=Ekonomi;User Id=app;Password=********;", "CREDENTIAL"), []);
    assert.equal(found("Server=sql1;Database=E;User Id=app;Password=Hemlig123!;", "CREDENTIAL").length, 1);
  });
});

describe("review: clean redacted copies", () => {
  it("never takes its own placeholders for findings, so a redacted copy passes a second review", () => {
    const draft = "Patient: Anna Svensson, 19850612-2389, lösenord: Tr4ktor!Blå9. KONFIDENTIELLT\nTel 070-123 45 67";
    const first = reviewDraft(draft);
    const second = reviewDraft(first.redacted);
    const placeholders = [...first.redacted.matchAll(/\[[A-Z_]+ \d+\]/g)].map((m) => [m.index!, m.index! + m[0].length]);
    assert.ok(placeholders.length >= 4);
    const inside = second.findings.filter((f) => placeholders.some(([s, e]) => f.start >= s && f.end <= e));
    assert.deepEqual(inside, []);
    assert.ok(!second.findings.some((f) => ["PERSONNUMMER", "PHONE", "CREDENTIAL", "PERSON_NAME"].includes(f.type)), JSON.stringify(second.findings));
  });
  it("takes a card's security code and expiry into the card's placeholder", () => {
    const r = reviewDraft("Kort 4111 1111 1111 1111, CVC 123, giltigt till 09/27. Tack!");
    assert.ok(!r.redacted.includes("123") && !r.redacted.includes("09/27"), r.redacted);
    assert.ok(r.redacted.includes("Tack!"));
  });
});

describe("review: health words in compounds and other languages", () => {
  it("finds a health word as the last part of a compound, about a person", () => {
    for (const t of ["Hon har fått lungcancer med spridning.", "Han har en urinvägsinfektion igen.", "Hon har haft huvudvärk hela veckan.", "Brukaren har trycksår på hälen."]) {
      assert.ok(reviewDraft(t).findings.some((f) => f.type === "HEALTH"), t);
    }
    assert.ok(!reviewDraft("Räkenskapsåret och verksamhetsåret slutar i december.").findings.some((f) => f.type === "HEALTH"));
  });
  it("finds common health words in Finnish, Somali and Arabic inside Swedish text", () => {
    for (const t of ["Dottern sa att mamma har muistisairaus.", "Hon sa att hon har sonkorow och inte orkar.", "Pappan skrev att han har الربو och behöver inhalatorn."]) {
      assert.ok(reviewDraft(t).findings.some((f) => f.type === "HEALTH"), t);
    }
  });
});

describe("review: chat logs and names that are nobody's data", () => {
  it("reads IRC-style speakers in angle brackets as names", () => {
    const t = "09:14 <sanna> hej, nytt lösen på kontot\n09:15 <micke> toppen\n09:16 <sanna> ja";
    assert.deepEqual(found(t, "PERSON_NAME"), ["sanna", "micke", "sanna"]);
  });
  it("does not block on the names of a story, its author or a public figure in a public role", () => {
    for (const t of [
      "Gör en lektionsplanering om Astrid Lindgrens böcker: Pippi Långstrump flyttar in i Villa Villekulla.",
      "Skriv en affisch: Teater Fyren spelar sagan om Hans och Greta på biblioteket.",
      "Summarise: The Minister for Social Affairs, Jakob Forssmed, said the grant will increase.",
    ]) {
      assert.notEqual(reviewDraft(t).verdict, "block", t);
    }
  });
  it("still blocks a real person in the same draft", () => {
    const r = reviewDraft("Vi läser boken om Pippi Långstrump.\nEleven Kalle Andersson i 3B har dyslexi och behöver stöd.");
    assert.equal(r.verdict, "block");
  });
});

describe("review: names no list holds, by their shape and where they stand", () => {
  it("finds names of many origins beside another name-shaped word, after a greeting or a kin word, or opening a sentence with a verb", () => {
    assert.deepEqual(found("Inför lönesamtalet: Olena Kovalenko, undersköterska på Ekbacken.", "PERSON_NAME"), ["Olena Kovalenko"]);
    assert.deepEqual(found("Möte med Oleksandr Shevchenko och Iryna Tkachenko om boendet.", "PERSON_NAME"), ["Oleksandr Shevchenko", "Iryna Tkachenko"]);
    assert.deepEqual(found("Niila Aikio och Sunná Kuhmunen kom till mötet.", "PERSON_NAME"), ["Niila Aikio", "Sunná Kuhmunen"]);
    assert.deepEqual(found("Faadumo har försörjningsstöd sedan mars.", "PERSON_NAME"), ["Faadumo"]);
    assert.deepEqual(found("Hej Faadumo! Tack för i går.", "PERSON_NAME"), ["Faadumo"]);
  });
  it("leaves places, facilities, products and organisations alone", () => {
    for (const t of [
      "Vi flyttar databasen till Azure i vår.",
      "Jira Cloud är nere sedan i morse.",
      "Besöket på Ekbacken och Solgården flyttas.",
      "Vi har avtal med Nordic Components Oy om leveranser.",
      "Möte med Karolinska Institutet och Region Halland i morgon.",
      "Kontakta Svenska Kraftnät om elnätet.",
      "Vi använder Adobe Acrobat och Microsoft Teams.",
    ]) {
      assert.deepEqual(found(t, "PERSON_NAME"), [], t);
    }
  });
});

describe("review: facts about people described, not named", () => {
  const categories = (t: string) => reviewDraft(t).findings.filter((f) => ["HEALTH", "SPECIAL_CATEGORY"].includes(f.type)).length;
  it("blocks a sensitive fact about someone a detail singles out", () => {
    for (const t of [
      "En brukare på Solgårdens korttidsboende, 87 år, har diabetes och begynnande demens.",
      "En 45-årig man i Hjo har fått en cancerdiagnos.",
      "Pojken i klass 3 som bor på Storgatan har epilepsi.",
      "Kvinnan i lägenhet 4B är muslim och vill ha halal mat.",
      "En anställd på IT-avdelningen har dömts för bedrägeri.",
    ]) {
      assert.ok(categories(t) > 0, t);
      assert.equal(reviewDraft(t).verdict, "block", t);
    }
  });
  it("leaves statistics, routines and information about a condition alone", () => {
    for (const t of [
      "Statistiken visar att 12 procent av eleverna har diabetes.",
      "Vi ska informera om diabetes på vårdcentralen.",
      "Om en elev har diabetes ska skolsköterskan kontaktas.",
      "Rutin: en patient med diabetes ska få kostråd.",
    ]) {
      assert.equal(categories(t), 0, t);
    }
  });
});

describe("review: more places a name stands, and where it is none", () => {
  it("reads a listed first name in the genitive before a kin word, and a surname after 'familjen'", () => {
    assert.ok(found("Viktigt: Linneas pappa får inte hämta henne.", "PERSON_NAME").some((n) => n.startsWith("Linnea")));
    assert.deepEqual(found("Grannen klagar på altanen hos familjen Kowalski bredvid.", "PERSON_NAME"), ["Kowalski"]);
  });
  it("takes names before 'kommuner' for municipalities, and office holders in compounds for public figures", () => {
    assert.deepEqual(found("Agenda för mötet med Nora, Eda, Vara och Sala kommuner.", "PERSON_NAME"), []);
    assert.notEqual(reviewDraft("Sammanfatta: finansminister Elisabeth Svantesson presenterade budgeten.").verdict, "block");
  });
  it("a draft about a book with nobody's identifier in it: the story's names and its characters' illness do not block", () => {
    const t = "Jag leder en bokcirkel. Gör frågor om Bröderna Lejonhjärta av Astrid Lindgren, t.ex. om hur Skorpan hanterar sin sjukdom och varför Jonatan hoppar ut genom fönstret.";
    assert.notEqual(reviewDraft(t).verdict, "block");
  });
  it("finds diagnoses inside compounds, a broken hip, and 'min kollega' as someone", () => {
    assert.equal(reviewDraft("Vi välkomnar tillbaka vår kollega som varit borta för sin bröstcancerbehandling.").verdict, "block");
    assert.equal(reviewDraft("I natt föll kvinnan i lägenhet 1102 och har brutit höften.").verdict, "block");
  });
});

describe("review: addresses written out and political activity", () => {
  it("finds an e-mail address written to dodge harvesters", () => {
    assert.deepEqual(found("nås på ahmad.rahimi (at) gmail punkt com eller telefon", "EMAIL"), ["ahmad.rahimi (at) gmail punkt com"]);
    assert.deepEqual(found("skriv till anna [at] kommun [dot] se", "EMAIL"), ["anna [at] kommun [dot] se"]);
    assert.deepEqual(found("vi ses at the office", "EMAIL"), []);
  });
  it("reads being active in a party as a political opinion about the person", () => {
    assert.ok(reviewDraft("Hon är aktiv i vänsterpartiet och har skrivit insändare.").findings.some((f) => f.type === "SPECIAL_CATEGORY"));
    assert.ok(reviewDraft("Camila som är aktiv i Vänsterpartiets lokalavdelning skrev.").findings.some((f) => f.type === "SPECIAL_CATEGORY"));
  });
});

describe("review: places only a name stands in", () => {
  it("reads the name after a greeting, in a From: header, under a sign-off, and before a class", () => {
    assert.deepEqual(found("Hej igen Dmytro,\n\nTack för samtalet i dag.", "PERSON_NAME"), ["Dmytro"]);
    assert.deepEqual(found("Från: Dmytro Bondarenko <d.b@forsakring.se>", "PERSON_NAME"), ["Dmytro Bondarenko"]);
    assert.deepEqual(found("Med vänlig hälsning\nDmytro Bondarenko\nSkadereglerare", "PERSON_NAME"), ["Dmytro Bondarenko"]);
    assert.deepEqual(found("Mamman till Eetu i 2A skrev i går.", "PERSON_NAME"), ["Eetu"]);
  });
  it("leaves offices, teams and departments in those places alone", () => {
    for (const t of ["Hej Kommunen, vi har några frågor.", "Mvh\nIT-supporten", "Med vänlig hälsning\nEkonomiavdelningen", "Best regards,\nProcurement Team"]) {
      assert.deepEqual(found(t, "PERSON_NAME"), [], t);
    }
  });
});

describe("review: labels, places and desks that are no one; numbers that are someone's", () => {
  it("leaves anonymising labels ('Person A', 'Elev 2') and streets or squares named after people alone", () => {
    assert.deepEqual(found("Vid mötet sa Person A att Person B hade lånat nyckeln. Elev 2 var inte där.", "PERSON_NAME"), []);
    assert.deepEqual(found("Trafiken leds om via Gustav Adolfs torg och Karl Johans väg. Kungsgatan är avstängd.", "PERSON_NAME"), []);
  });

  it("does not take a desk or unit speaking in a chat for a person, but does a lowercase name", () => {
    const chat = "10:01 <kundtjänsten> kan vi flytta mötet?\n10:02 <jonna> ja, till 14\n10:03 <kundtjänsten> tack";
    assert.deepEqual(found(chat, "PERSON_NAME"), ["jonna"]);
  });

  it("reads a capitalised name inside a sentence with a verb after it", () => {
    assert.deepEqual(found("visste ni att Leyla ska börja på ekonomi i maj?", "PERSON_NAME"), ["Leyla"]);
  });

  it("finds a password under an env key ending in PASS, and no phone in a customer number", () => {
    assert.deepEqual(found("SMTP_HOST=smtp.example.se\nSMTP_PASS=Lingon#Paj88", "CREDENTIAL"), ["Lingon#Paj88"]);
    assert.deepEqual(found("My customer number is 40021873, please call me back.", "PHONE"), []);
    assert.deepEqual(found("My UK number is 020 7946 0958.", "PHONE").length, 1);
  });

  it("reads a sole trader's organisation number as the owner's personnummer, a company's as nothing", () => {
    assert.deepEqual(found("Leverantör: Ewa Nowak (enskild firma), org.nr 780915-4466", "PERSONNUMMER"), ["780915-4466"]);
    assert.deepEqual(found("Leverantör: Volvo Car AB, org.nr 556074-3089", "PERSONNUMMER"), []);
  });

  it("reads social services' case facts about a person as under secrecy, and counts of them as nothing", () => {
    const r = reviewDraft("Klient: Hodan Abdi. Orosanmälan inkom från skolan. Utredning enligt 11 kap. 1 § SoL inleds.");
    assert.ok(r.findings.some((f) => f.type === "SECRECY"), "case facts about a named client");
    assert.equal(reviewDraft("Antalet orosanmälningar i kommunen ökade med 12 % under 2023.").findings.length, 0);
  });
});

describe("review: names in Cyrillic", () => {
  it("reads two capitalised Cyrillic words as a name, and masks a single one inside a sentence without blocking on it", () => {
    assert.deepEqual(found("Добрий день! Мене звати Олена Коваленко, я мама Марії.", "PERSON_NAME"), ["Олена Коваленко", "Марії"]);
    const one = reviewDraft("Привет! Я живу в Москве и работаю в школе.");
    assert.notEqual(one.verdict, "block");
    assert.ok(!one.redacted.includes("Москве"));
    assert.deepEqual(found("Привет! Это «Сонечко» группа.", "PERSON_NAME"), [], "a group's name in quotes");
  });
});

describe("review: firms and credential pairs", () => {
  it("reads a first name joined by '&' to a word that is no first name as a firm, two first names as people", () => {
    assert.deepEqual(found("Jämför Martin & Servera med Menigo.", "PERSON_NAME"), []);
    assert.deepEqual(found("Anna & Per kommer på mötet.", "PERSON_NAME"), ["Anna", "Per"]);
  });
  it("finds a plain-word password given right after a user name", () => {
    assert.deepEqual(found("Logga in med användarnamn reception2, lösenord solros.", "CREDENTIAL"), ["solros"]);
    assert.deepEqual(found("Kontot kräver lösenord sedan i går.", "CREDENTIAL"), []);
  });
});

describe("review: films and series are stories", () => {
  it("reads names in a draft about films or a TV series as characters, while a real contact still blocks", () => {
    assert.equal(reviewDraft("Make a quiz about the Shrek movies: questions on Fiona and Lord Farquaad.").verdict, "ok");
    assert.equal(reviewDraft("Sammanfatta tv-serien om Pelle Svanslös och Maja Gräddnos för en temadag.").verdict, "ok");
    assert.equal(reviewDraft("Ring Anna Berg på 070-123 45 67 om filmerna till temadagen.").verdict, "block");
  });
});

describe("review: what blind set 7 showed", () => {
  it("a dotted handle speaking on a time-stamped line is a person; a system sender is not", () => {
    const chat = "[08:02] lena.s: har någon sett Omars schema?\n[08:03] p.virtanen: nej\n[08:04] lena.s: ok";
    assert.deepEqual(found(chat, "PERSON_NAME").filter((n) => n.includes(".")), ["lena.s", "p.virtanen", "lena.s"]);
    assert.deepEqual(found("[02:10] cron.job: backup klar\n[02:11] app.api: ok", "PERSON_NAME"), []);
  });
  it("the letter of an anonymising label is no name", () => {
    assert.equal(reviewDraft("Under rasten bråkade Elev A och Elev B. Elev B knuffade Elev A, och Elev C hämtade en vuxen.").verdict, "ok");
  });
  it("phone numbers with Sweden's code after 00, or a slash after the area code", () => {
    assert.deepEqual(found("Pappa Jonas Ek nås på 0046 73-881 20 45.", "PHONE"), ["0046 73-881 20 45"]);
    assert.deepEqual(found("Morfar Bo Lind, 0511/345 67, hämtar.", "PHONE"), ["0511/345 67"]);
    assert.deepEqual(found("Mötet flyttas till 06/12 2026 kl 10.", "PHONE"), []);
  });
  it("an account and its password written as a pair", () => {
    assert.deepEqual(found("<kim> root / Vinter2025# funkar på routern", "CREDENTIAL"), ["Vinter2025#"]);
    assert.deepEqual(found("Se https://intra.example.se/admin/Rapport2025 för detaljer", "CREDENTIAL"), []);
  });
  it("assistants with people's names are products where the draft speaks of AI", () => {
    assert.equal(reviewDraft("Jämför Alexa, Siri och Claude som röstassistenter för receptionen.").verdict, "ok");
    assert.equal(reviewDraft("Alexa har feber idag, hennes pappa ringde.").verdict, "block");
    assert.deepEqual(found("Claude Nilsson på AI-enheten ringde i går.", "PERSON_NAME"), ["Claude Nilsson"]);
  });
  it("people of a history lesson and characters of a reviewed book do not block; a colleague beside them does", () => {
    assert.equal(reviewDraft("Historia åk 7: Karl XII stupade 1718 vid Fredriksten. Magnus Stenbock vann slaget vid Helsingborg 1710.").verdict, "ok");
    assert.equal(reviewDraft("'Hundraåringen' av Jonas Jonasson: Allan, en dement hundraåring, klättrar ut genom fönstret.").verdict, "ok");
    assert.equal(reviewDraft("Vi läser en roman i bokcirkeln. Min kollega Anna Berg har cancer och kan inte komma.").verdict, "block");
  });
  it("a statistic about a group is about no one; a described person beside a figure is someone", () => {
    assert.equal(reviewDraft("Nyckeltal 2025:\n- Andel brukare med diabetes: 18 %\n- Antal fallolyckor: 96").verdict, "ok");
    assert.equal(reviewDraft("Eleven i 8C har epilepsi och 40 % frånvaro.").verdict, "block");
  });
  it("a security weakness described as still open is under secrecy; a question about weaknesses in general is not", () => {
    assert.deepEqual(found("Servern i stadshuset har en sårbarhet som ännu inte är åtgärdad.", "SECRECY"), ["sårbarhet"]);
    assert.equal(reviewDraft("How do we protect ourselves against vulnerabilities in firewalls? Give five tips.").verdict, "ok");
  });
});

describe("review: what blind set 8 showed", () => {
  it("an author's work named by its quoted title is a story", () => {
    assert.equal(reviewDraft('Vi jämför Vilhelm Mobergs "Utvandrarna från Småland" med Karl Oskar och Kristina i filmen.').verdict, "ok");
    assert.equal(reviewDraft('Anna Berg har cancer. Hon skickade Pers "rapport" i går.').verdict, "block");
  });
  it("text kept to a closed circle is under secrecy", () => {
    assert.equal(found("Underlaget får inte spridas utanför nämndens presidium.", "SECRECY").length, 1);
    assert.equal(found("Please do not circulate this outside the project group until Monday.", "SECRECY").length, 1);
    assert.deepEqual(found("Please share the link with your team.", "SECRECY"), []);
  });
});

describe("review: a redacted copy read again", () => {
  it("a token that starts inside the bot's own placeholder is no finding", () => {
    assert.deepEqual(found('"Db": "[SECRET 1]TrustServerCertificate=True;"', "CREDENTIAL"), []);
  });
});

describe("review: an initial with a surname, an area code in brackets", () => {
  it("'K. Andersson' is a name; 'bilaga B. Grund' is not", () => {
    assert.deepEqual(found("Närvarande: K. Andersson och Lena Ek.", "PERSON_NAME"), ["K. Andersson", "Lena Ek"]);
    assert.deepEqual(found("Se bilaga B. Grund för beslutet finns där.", "PERSON_NAME"), []);
  });
  it("'(070) 174 06 23' is a phone number; '(08)' alone is not", () => {
    assert.deepEqual(found("Ring jobbmobilen (070) 174 06 23 vid frågor.", "PHONE"), ["(070) 174 06 23"]);
    assert.deepEqual(found("Se avsnitt (08) och (09) i rapporten.", "PHONE"), []);
  });
});
