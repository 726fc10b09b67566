// A deterministic corpus of mixed drafts for the review benchmark: Swedish and English
// workplace texts from varied templates, with and without personal data, credentials and
// secrecy markings. Built from a seeded PRNG, not from the evaluation sets.
import { luhnValid } from "../src/review/checksums";

/** a small seeded generator (mulberry32): the same inputs on every run */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Anna", "Erik", "Fatima", "Mohammed", "Linnea", "Oskar", "Zeynep", "Dragan", "Aino", "Hodan", "Reza", "Somchai", "Agnieszka", "Karl-Johan", "Britt-Marie", "Liam", "Sara", "Yusuf", "Ingrid", "Nikola"];
const LAST = ["Andersson", "Nilsson", "Haddad", "Ahmadi", "Korhonen", "Hodžić", "Nowak", "Demir", "Abdi", "Lindqvist", "Berg", "Nguyen", "Tesfaye", "Eriksson Haddad", "Sjöström"];
const STREETS = ["Storgatan", "Ringvägen", "Kvarngränd", "Torget", "Björkallén", "Hamngatan", "Skolvägen"];
const TOWNS = ["Söderköping", "Norrköping", "Hjo", "Åmål", "Staffanstorp", "Bengtsfors", "Stockholm"];
const FILLER_SV = [
  "Kan du hjälpa mig att formulera om texten så att den blir tydligare och kortare?",
  "Mötet flyttas till torsdag kl. 14 i stora konferensrummet, ta med underlaget.",
  "Budgeten för 2025 visar ett underskott om 1,2 mnkr, främst på grund av vinterväghållningen.",
  "Biblioteket har nya öppettider från och med måndag, läs mer på kommunens webbplats.",
  "Vi behöver en checklista för införandet av det nya schemaläggningssystemet i höst.",
  "Per månad kostar tjänsten 450 kr och fakturan skickas i efterskott till ekonomiavdelningen.",
  "Hans förslag var att vi skulle börja med en pilot i två verksamheter under våren.",
  "Ordernr 20251105-2441 levererades vecka 16, artikel 1080-2245-90 saknades.",
  "Sammanfatta protokollet i fem punkter och lägg till ansvariga och datum.",
];
const FILLER_EN = [
  "Could you rewrite this paragraph so that it is clearer and more concise for the newsletter?",
  "The workshop covers change management, leadership and the responsible use of AI tools.",
  "Revenue rose by 14 percent to SEK 412 million, and the public sector accounts for 38 percent.",
  "Version 1.0.0.4 of the add-in fails to load in Word on Windows 11 build 22631.",
  "Please summarise the meeting notes and list the decisions with owners and dates.",
];

function pnr(r: () => number): string {
  for (;;) {
    const y = 40 + Math.floor(r() * 60), m = 1 + Math.floor(r() * 12), d = 1 + Math.floor(r() * 28), n = Math.floor(r() * 1000);
    const nine = `${y}`.padStart(2, "0") + `${m}`.padStart(2, "0") + `${d}`.padStart(2, "0") + `${n}`.padStart(3, "0");
    for (let c = 0; c < 10; c++) if (luhnValid(nine + c)) return `${nine.slice(0, 6)}-${nine.slice(6)}${c}`;
  }
}

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** one draft of roughly 300–1500 characters */
export function draft(r: () => number): string {
  const name = `${pick(r, FIRST)} ${pick(r, LAST)}`;
  const parts: string[] = [];
  const kind = Math.floor(r() * 8);
  const fill = (k: number, xs: string[]) => { for (let i = 0; i < k; i++) parts.push(pick(r, xs)); };
  switch (kind) {
    case 0:
      parts.push(`Sökande: ${name} (${pnr(r)}), ${pick(r, STREETS)} ${1 + Math.floor(r() * 40)}, ${600 + Math.floor(r() * 99)} ${10 + Math.floor(r() * 89)} ${pick(r, TOWNS)}`);
      fill(3, FILLER_SV);
      break;
    case 1:
      parts.push(`Hej ${pick(r, FIRST)}!`);
      fill(4, FILLER_SV);
      parts.push(`Med vänliga hälsningar\n${name}\nTel. 070-${100 + Math.floor(r() * 899)} ${10 + Math.floor(r() * 89)} ${10 + Math.floor(r() * 89)}\n${name.split(" ")[0].toLowerCase()}@example.se`);
      break;
    case 2:
      parts.push("SEKRETESS enligt 26 kap. 1 § OSL");
      parts.push(`${name} är sjukskriven sedan mars för utmattningssyndrom och får medicin mot depression.`);
      fill(2, FILLER_SV);
      break;
    case 3:
      fill(4, FILLER_EN);
      parts.push(`export AWS_ACCESS_KEY_ID=AKIA${"QWERTYUIOPASDFGH".split("").sort(() => r() - 0.5).join("")}`);
      break;
    case 4:
      fill(6, FILLER_SV);
      break;
    case 5:
      fill(5, FILLER_EN);
      break;
    case 6:
      parts.push(`Betala till IBAN SE73 5005 4052 5736 2672 8495 eller bankgiro 5963-9575. Kortet 4111 1111 1111 1111 drogs två gånger.`);
      fill(2, FILLER_SV);
      break;
    default:
      parts.push(`ses kl 14 hos ${pick(r, FIRST).toLowerCase()}, ring mig på 0734415982 om bilen ABC 123 står i vägen. lösenordet är Sommar${2020 + Math.floor(r() * 6)}!`);
      fill(2, FILLER_SV);
  }
  return parts.join(r() < 0.5 ? "\n\n" : " ");
}

/** drafts totalling at least `bytes` UTF-16 code units */
export function corpus(bytes: number, seed = 20250301): string[] {
  const r = prng(seed);
  const out: string[] = [];
  let total = 0;
  while (total < bytes) {
    const d = draft(r);
    out.push(d);
    total += d.length;
  }
  return out;
}
