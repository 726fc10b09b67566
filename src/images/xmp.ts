// Reads the few XMP properties that bear on provenance. XMP is RDF/XML with several
// legal spellings (attribute, element, rdf:resource); regular expressions over the
// packet cover them without an XML parser and run in linear time.

export interface XmpFacts {
  /** Iptc4xmpExt:DigitalSourceType values (URIs or bare codes) */
  digitalSourceTypes: string[];
  /** dcterms:provenance: a remote C2PA manifest URL */
  provenance: string[];
  /** xmp:CreatorTool, tiff:Software */
  creatorTools: string[];
  /** stEvt:softwareAgent of the edit history */
  historyAgents: string[];
  /** photoshop:Credit (IPTC Credit Line), where Google writes "Made with Google AI" */
  credits: string[];
}

function values(xmp: string, localName: string, prefix = "[A-Za-z][\\w.-]*"): string[] {
  const found: string[] = [];
  const name = `${prefix}:${localName}`;
  const patterns = [
    new RegExp(`${name}\\s*=\\s*"([^"]*)"`, "g"),
    new RegExp(`${name}\\s*=\\s*'([^']*)'`, "g"),
    new RegExp(`<${name}\\b[^>]*?rdf:resource\\s*=\\s*"([^"]*)"`, "g"),
    new RegExp(`<${name}(?:\\s[^>]*)?>([^<]+)</`, "g"),
    // rdf:Alt / rdf:Seq wrappers: <x:Name><rdf:Alt><rdf:li ...>value</rdf:li>
    new RegExp(`<${name}(?:\\s[^>]*)?>\\s*<rdf:(?:Alt|Seq|Bag)>\\s*<rdf:li[^>]*>([^<]+)</rdf:li>`, "g"),
  ];
  for (const re of patterns) {
    for (const m of xmp.matchAll(re)) {
      const v = decodeEntities(m[1].trim());
      if (v && !found.includes(v)) found.push(v);
      if (found.length >= 32) return found;
    }
  }
  return found;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&#(\d{1,7});/g, (_, d: string) => safeChar(parseInt(d, 10)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

export function readXmp(packets: string[]): XmpFacts {
  const facts: XmpFacts = { digitalSourceTypes: [], provenance: [], creatorTools: [], historyAgents: [], credits: [] };
  const add = (list: string[], vs: string[]) => { for (const v of vs) if (!list.includes(v)) list.push(v); };
  for (const xmp of packets) {
    add(facts.digitalSourceTypes, values(xmp, "DigitalSourceType"));
    add(facts.provenance, values(xmp, "provenance", "dcterms"));
    add(facts.creatorTools, values(xmp, "CreatorTool"));
    add(facts.creatorTools, values(xmp, "Software", "tiff"));
    add(facts.historyAgents, values(xmp, "softwareAgent", "stEvt"));
    add(facts.credits, values(xmp, "Credit", "photoshop"));
  }
  return facts;
}
