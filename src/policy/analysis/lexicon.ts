// Concept groups: everyday Swedish and English words for the concepts AI policies
// regulate. A question word that hits a group is expanded to the group's Swedish
// words, so "kundens uppgifter" meets "kunddata" and "manager" meets "chef".
// `topic` marks concepts that only an AI/data-handling policy talks about; they
// count as evidence that a question is in scope (see search/coverage.ts).
// Entries are comma-separated phrases; a phrase matches consecutive words.

export interface ConceptGroup {
  id: string;
  topic: boolean;
  sv: string[];
  en: string[];
}

function g(id: string, topic: boolean, sv: string, en: string): ConceptGroup {
  const split = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);
  return { id, topic, sv: split(sv), en: split(en) };
}

export const CONCEPT_GROUPS: ConceptGroup[] = [
  g("personal-data", true,
    "personuppgifter, personuppgift, persondata, personnummer, samordningsnummer, namn, adress, adresser, hemadress, telefonnummer, mobilnummer, mejladress, e-postadress, födelsedatum, uppgifter om personer, personuppgiftsbehandling, personlig information, personliga uppgifter, identifiera, enskild person, specifik person, individ",
    "personal data, personal details, personal information, personally identifiable, pii, name, names, address, addresses, phone number, email address, social security number, personal identity number, date of birth, identify, individual, person"),
  g("gdpr", true,
    "gdpr, dataskyddsförordningen, dataskydd, dataskyddsombud, dataskyddsombudet, integritet, personuppgifter, personuppgiftsbehandling, imy",
    "gdpr, data protection, privacy, data protection officer, dpo"),
  g("data-subjects", false,
    "elev, elever, barn, förälder, föräldrar, vårdnadshavare, brukare, patient, patienter, invånare, medborgare, klient, klienter, vårdtagare, sökande, kollega, kollegor, anställd, personal, lön",
    "student, pupil, child, children, parent, parents, resident, residents, citizen, patient, client, colleague, employee, staff, payroll, salary"),
  g("sensitive-personal", true,
    "känsliga personuppgifter, hälsa, hälsouppgifter, hälsotillstånd, sjukdom, sjukskrivning, diagnos, journal, etnisk, etniskt ursprung, religion, religiös, politisk åsikt, politiska, facktillhörighet, fackmedlemskap, fackförening, facket, sexuell läggning, genetiska data, biometriska, brott, särskilt skyddsvärda uppgifter, särskilda kategorier, provresultat",
    "sensitive personal data, special category, health, medical, diagnosis, sick leave, ethnicity, ethnic, religion, religious, political opinion, political, union membership, trade union, sexual orientation, genetic, biometric, criminal, test results, grades"),
  g("secrecy", true,
    "sekretess, sekretessbelagd, sekretessbelagda, sekretessbelagt, sekretessskyddad, sekretesskydd, hemlig, hemliga, hemligt, hemligstämplad, konfidentiell, konfidentiella, tystnadsplikt, tystnadsplikten, offentlighets- och sekretesslagen, osl, säkerhetsskyddsklassad, röja, röjd",
    "secret, secrecy, confidential, confidentiality, classified, nondisclosure, duty of confidentiality, disclose"),
  g("sensitive-info", true,
    "känslig information, känsliga uppgifter, känslig, känsliga, känsligt, annan känslig information, affärskritisk, företagshemligheter, intern information, interna, internt, arbetsmaterial, ej offentliga underlag, skyddsvärde, skyddsvärda",
    "sensitive, sensitive information, internal, internal information, business critical, trade secret, trade secrets, work material, drafts"),
  g("customer-data", true,
    "kunddata, kundens uppgifter, kundernas uppgifter, kunduppgifter, kundinformation, kundregister, kundlista, kundens data, kundens material, kundens dokument, kundunderlag, kundens underlag, kundärende",
    "customer data, client data, customer information, client information, customer details, client details, customer list, customer records, client files, customer files"),
  g("customer", false,
    "kund, kunden, kunder, kunderna, kunds, kundens, beställare, uppdragsgivare",
    "customer, customers, client, clients"),
  g("open-info", true,
    "öppen information, offentlig information, offentlig, offentliga, offentligt, öppen, klassad som öppen, publicera, publiceras, hemsida, hemsidan, webbplats, webbplatsen, webben, allmänheten, k0, fritt",
    "public information, open information, public, publicly, open, website, web, publish, published"),
  g("public-ai", true,
    "allmänt tillgängliga ai-system, allmänt tillgänglig, allmänt tillgängliga, publika, publikt, publikt tillhandahållna, öppna ai-lösningar, öppna, gratis, gratisversion, kostnadsfri, tillgängliga för allmänheten",
    "publicly available, public ai, free, free version, consumer, open ai tools"),
  g("input", false,
    "mata in, matas in, matar in, klistra in, klistrar in, klistra, skriva in, skrivs in, lägga in, lägger in, ladda upp, laddar upp, föra in, dela, delar, köra, kör, mata, matas",
    "paste, pasted, enter, input, upload, uploaded, feed, share, put, type, typed, insert"),
  g("approval", false,
    // only words about a go-ahead from someone: "får jag", "ok", "tillåtet" ask
    // whether at all, which is the question's form (intent.ts), not a topic
    "godkännande, godkänna, godkänner, godkänd, godkänt, godkänns, godkännas, tillstånd, tillåtelse, lov, säga ja, inhämtas, utan att fråga, fråga om lov",
    "approve, approval, approved, permission, authorise, authorize, sign off, consent"),
  g("manager", false,
    "chef, chefen, chefens, närmaste chef, överordnad, överordnad chef, ledning, ledningen, verksamhetschef, ansvarig chef, verksamhetsansvarig chef, boss, vd, förvaltningschef",
    "manager, boss, supervisor, line manager, head, ceo, management"),
  g("purchase", false,
    "inköp, köpa, köpa in, köper, upphandla, upphandling, upphandlat, licens, licenser, anskaffa, anskaffning, skaffa, införa, införs, införande, beställa, prenumeration, abonnemang, nytt system, avtal",
    "buy, buying, purchase, purchasing, procure, procurement, licence, license, subscription, acquire, acquisition, introduce, deploy, contract, vendor"),
  g("incident", true,
    "incident, incidenter, personuppgiftsincident, avvikelse, avvikelser, dataläckage, läcka, läckt, råkade, råkat, misstag, av misstag, olycka, gjort fel, incidentrapport, incidentrapportering, incidenthantering, missbruk, oegentligheter",
    "incident, incidents, accident, accidentally, mistake, by mistake, leak, leaked, breach, data breach, misuse, wrong"),
  g("report", false,
    "rapportera, rapporteras, rapport, anmäla, anmälan, anmäler, säga till, meddela, informera, larma, tipsa, kontakta, vända mig",
    "report, notify, notification, tell, inform, contact, alert"),
  g("decision", true,
    "beslut, besluta, beslutsfattande, fatta beslut, automatisera, automatiskt, automatiserade beslut, myndighetsutövning, handläggning, ärende, ärenden, ansökan, ansökningar, bedömning, yrkesmässiga bedömning, förvaltning",
    "decision, decisions, decide, decision-making, automated, automate, automatically, casework, case, cases, application, applications, assessment, judgement"),
  g("responsibility", false,
    "ansvar, ansvarig, ansvarar, ansvaret, skyldig, skyldiga, skulden, fel",
    "responsible, responsibility, liable, liability, blame, accountable, fault"),
  g("accuracy", false,
    "granska, granskas, faktagranska, kontrollera, dubbelkolla, kolla upp, korrekt, felaktig, felaktigheter, fel, hallucination, hallucinationer, hittar på, påhittat, stämmer, källkritisk, lita på, lita, pålitlig, tillförlitlig, rätta, korrigera, sanna, utkast",
    "check, double-check, double check, verify, fact-check, review, accurate, correct, wrong, incorrect, hallucinate, hallucination, made up, invent, true, draft, trust, rely on, reliable"),
  // intent of the question: asking for steps to take, or for who decides
  g("next-steps", false,
    "vad gör jag, vad ska jag göra, vad gör man, vad händer nu, vad händer, hur gör jag, hur gör vi, hur går vi till väga, gå till väga, hur ska jag göra, nästa steg, åtgärd, åtgärder, omedelbar åtgärd, steg, stegen, rutin, rutiner, rutinen, tillväga",
    "what do i do, what should i do, what happens now, what happens, what now, next steps, how do we, steps, procedure, routine, what to do"),
  g("who-decides", false,
    "vem, vem får, vem måste, vem ska, vem beslutar, vem bestämmer, vem godkänner, chef, chefen, närmaste chef, vd, verksamhetschef, verksamhetsansvarig chef, ansvarig chef, ledningssystemet, dataskyddsombudet, informationssäkerhetsansvarig, it-ansvarig, överordnad chef, den anställde, medarbetaren",
    "who, whom, who decides, who approves, who has to, who is responsible, manager, ceo"),
  g("output", false,
    "svar, svaret, svaren, resultat, resultatet, resultaten, utdata, utkast, slutresultat, rakt av, som det är, direkt, kopiera rakt av, utan att granska, färdig text",
    "answer, output, result, results, as is, directly, straight, copy paste, final"),
  g("transparency", false,
    "transparent, transparens, berätta, tala om, säga till, säga, upplysa om, informera kunden, framgå, framgår, ange, anges, upplysa, redovisa, öppen med, tjänsteutlåtande, underlagshandlingar",
    "transparent, transparency, disclose, disclosure, tell, mention, state, declare"),
  g("image", true,
    "bild, bilder, bildtext, foto, fotografi, illustration, affisch, logga, dall-e, midjourney, bildgenerering, bildgenereringsprogram, ai-bild, ai-genererad bild, ai-genererade bilder, bildmaterial, genererats",
    "image, images, picture, pictures, photo, photos, illustration, poster, logo, dall-e, midjourney, ai image, generated image, artwork"),
  g("label", true,
    "bildtext, märka, märkning, märkt, skriva under, text under, källa, denna bild har genererats",
    "label, labelled, labeled, caption, mark, marking, credit, watermark"),
  g("copyright", true,
    "upphovsrätt, upphovsrätten, upphovsrättsskyddat, upphovsrättsbrott, upphovsrättslagen, copyright, rättigheter, rättigheterna, äga, äger, ägare, plagiat",
    "copyright, copyrighted, rights, own, owns, owner, ownership, intellectual property, plagiarism"),
  g("imitate", true,
    "härma, efterlikna, konstnär, originalbilder",
    "imitate, mimic, artist"),
  // everyday words of the same ideas: they help find the passage, they do not make a question a policy topic
  g("imitate-everyday", false,
    "kopiera, likna, stil, konst",
    "copy, style, art"),
  g("real-places", true,
    "verkliga platser, verkliga personer, kändis",
    "real people, real places, real person, deepfake, celebrity"),
  g("real-places-everyday", false,
    "verklig, riktig, riktiga, plats, platser",
    "real, place, places"),
  g("disciplinary", false,
    "disciplinära åtgärder, sparken, avsked, uppsägning, varning, straff, straffbart, konsekvenser, påföljd, bryter mot, bryta mot, överträdelse, överträdelser, omplacering",
    "fired, dismissal, dismissed, sanction, sanctions, consequence, consequences, punishment, warning, violate, violation, break the rules"),
  g("scope", false,
    "gäller, omfattar, omfattning, konsulter, konsult, uppdragstagare, underkonsulter, underleverantörer, samarbetspartners, anställda, medarbetare, praktikanter, vikarier, alla",
    "apply, applies, scope, cover, contractor, contractors, subcontractor, subcontractors, consultant, consultants, partner, partners, employees, staff, intern, everyone"),
  g("records", true,
    "diarieföra, diarieföras, diarium, diarieförs, allmänna handlingar, allmän handling, arkivera, arkiv, chattlogg, logg, offentlighetsprincipen",
    "register, registered, record, records, archive, log, chat log, public records, public documents, freedom of information"),
  g("storage", true,
    "lagras, lagra, lagring, tredje land, tredjelandsöverföring, utanför eu, utanför eu/ees, servrar, tränas, träningsdata",
    "stored, storage, retained, third country, outside the eu, outside eu, servers, training data"),
  // "spara" is as often days off or money as data: it finds the passage, it does not make the question covered
  g("storage-everyday", false,
    "sparas, spara, sparat, sparar, överförs, sprids, spridas, träna",
    "store, saved, save, kept, transferred, spread, train"),
  g("training", false,
    "utbildning, utbildningar, kurs, kurser, lära, lär, kompetensutveckling, webinarier",
    "training, course, courses, learn, education, webinar"),
  // the policy's own life: feedback on it, its revision and how long it holds
  g("policy-lifecycle", true,
    "feedback, synpunkter, återkoppling, förbättringsförslag, revidera, revideras, revidering, revideringar, uppdateras, uppdaterad, uppdaterade, uppdatering, giltighet, giltig",
    "feedback, revise, revised, revision, revisions, updated, validity, valid until"),
  g("precaution", false,
    "försiktighet, försiktighetsprincipen, försiktig, försiktigt",
    "precaution, precautionary, precautionary principle, caution, cautious"),
  g("risk-analysis", true,
    "riskanalys, riskbedömning, risker, risk, konsekvensbedömning, dpia, konsekvensanalys, risk- och konsekvensanalys, analys, analyser, systemklassning, erforderliga analyser",
    "risk, risks, risk assessment, risk analysis, impact assessment, dpia, analysis, assess"),
  g("classification", true,
    "klassa, klassning, klassad, klassningsmodell, informationsklassning, informationsklass",
    "classify, classification, classified as"),
  g("security", true,
    "informationssäkerhet, it-säkerhet, säkerhet, säker, säkert, informationssäkerhetsansvarig, ledningssystemet, ledningssystemet för informationssäkerhet",
    "security, information security, it security, secure, safe, ciso"),
  g("integrated-ai", true,
    "inbyggd, inbyggda, integrerad, integrerade, verksamhetssystem, system med ai, m365, office 365, microsoft office, office-paketet, officepaketet, systemintegrerade",
    "built-in, builtin, integrated, embedded, case management system, business system"),
  g("secure-ai", true,
    "upphandlat ai-system, upphandlat, säkra ai-system, specifika och säkra, sveagpt, lokalt, lokalt installerat, nedladdade, interna ai-system, godkända system",
    "procured, internal ai, secure ai, local, locally installed, on-premises, approved tool"),
  g("devices", false,
    "åtkomst, tillgång, filer, mappar, dator, datorn, telefon, arbetstelefon, enheter, onedrive, datalagring, ytor, inkorg",
    "access, files, folders, computer, laptop, phone, device, devices, mailbox, storage"),
  g("unknown-tool", false,
    "okänd, okänt, okända, avsändare, helt nytt, okänd avsändare",
    "new, unknown, untrusted, unfamiliar"),
  g("ai-act", true,
    "ai-förordningen, förbjuda, förbjudna, högrisk, förbjuden, förbjudet",
    "ai act, prohibited, forbidden, banned, high risk, high-risk"),
  g("law", false,
    "lag, lagar, lagstiftning, lagligt, olagligt, lagstöd, förvaltningslagen, förordning",
    "law, laws, legal, illegal, lawful, legislation, regulation, legal basis"),
  g("explain", false,
    "förklara, förklaras, förstå, motivera, begripligt",
    "explain, explainable, understand, justify"),
  g("stop-remove", false,
    "avbryta, stoppa, radera, ta bort, anonymisera, avidentifiera",
    "stop, delete, remove, anonymise, anonymize, erase"),
  g("quality", false,
    "tonalitet, ton, språk, kvalitet, professionalitet, trovärdighet, bias, fördomar, diskriminering, diskriminerande, snedvridna",
    "tone, quality, language, credibility, bias, prejudice, discrimination, discriminatory"),
  g("uncertain", false,
    "osäker, osäkra, tveksam, oklar, oklart, vet inte, inte vet, vet ej, inte säker, inte säkra, inte klart, oklart om",
    "unsure, not sure, uncertain, unclear, don't know"),
  g("writing", false,
    "sammanfatta, sammanfattning, skriva om, översätta, formulera, formulera om, putsa, korta ner, text, texter, textmaterial, mejl, brev, skriva",
    "summarise, summarize, summary, rewrite, translate, draft, phrase, polish, shorten, text, email, letter, write"),
  g("documents", false,
    "styrdokument, riktlinje, riktlinjen, riktlinjer, beslutsunderlag, handlingar, underlag, policy, dokument",
    "guideline, guidelines, policy, policies, document, documents, steering document, decision basis"),
  g("ethics", false,
    "etik, etiska, etiskt, ansvarsfull, ansvarsfullt",
    "ethics, ethical, responsible use"),
  g("information", false,
    "information, informationen, info, infon, uppgifter, uppgifterna, data, material",
    "information, info, data, material"),
  g("tool", false,
    "verktyg, verktyget, ai-verktyg, tjänst, tjänster, ai-tjänst, app, appar, program, programvara, system, ai-system",
    "tool, tools, service, app, application software, software, program, system"),
  g("work-use", false,
    "använda, användning, användas, jobbet, jobb, arbetet, arbete, arbetsuppgift, arbetsuppgifter, tjänsten",
    "use, using, usage, work, job, at work"),
];

/**
 * Words that on their own say a question is about AI: products, and the generic
 * vocabulary of generative AI. A question with one of these is about AI use.
 */
/** an AI word, also inflected the Swedish way: "copiloten", "chatgpts", "ai-verktygen", "botens" */
export function isAiAnchor(token: string): boolean {
  if (AI_ANCHORS.has(token)) return true;
  const m = /^(.{2,}?)(?:en|ens|et|ets|n|ns|s|t|erna|arna|ar|er|na)$/.exec(token);
  return m !== null && AI_ANCHORS.has(m[1]) && m[1].length >= 4;
}

export const AI_ANCHORS: ReadonlySet<string> = new Set(
  `ai chatgpt chat gpt copilot dall dall-e dalle midjourney gemini claude bard bing openai sveagpt llm
   språkmodell språkmodeller chatbot chatbotar chatbot generativ generativa generera genererad genererade
   genererat genereras genererats prompt promptar artificiell intelligens maskininlärning ai-verktyg
   ai-tjänst ai-system aiverktyg aisystem aitjänst ai-bild ai-genererad m365-copilot deepseek perplexity
   mistral grok artificial intelligence generative generated chatbots`.split(/\s+/).filter(Boolean),
);
