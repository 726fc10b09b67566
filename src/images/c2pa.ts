// Reads what a C2PA manifest store says about an image's origin: claim generator,
// actions with their digital source type and software agent, and ingredients.
// It does NOT verify signatures or hashes: the detector reports that in its notes.
import { CborValue, decodeCbor } from "./cbor";
import { child, JumbfBox, parseJumbf } from "./jumbf";

export interface C2paAction {
  action: string;
  softwareAgent?: string;
  digitalSourceType?: string;
  description?: string;
}

export interface C2paManifest {
  label: string;
  /** the last manifest of the store is the active one; the others belong to ingredients */
  active: boolean;
  claimGenerator?: string;
  title?: string;
  actions: C2paAction[];
  /** digitalSourceType values found outside actions (action templates, IPTC/metadata assertions) */
  otherSourceTypes: string[];
  ingredients: Array<{ title?: string; relationship?: string; manifest?: string }>;
  /** assertions that could not be decoded */
  unreadable: string[];
}

export interface C2paStore {
  manifests: C2paManifest[];
}

/** parses one JUMBF run; returns undefined when it is not a C2PA store. Throws on structural damage. */
export function readC2paStore(jumbf: Uint8Array): C2paStore | undefined {
  const top = parseJumbf(jumbf);
  const store = top.find((b) => b.type === "jumb" && b.label === "c2pa");
  if (!store) return undefined;
  const boxes = store.children.filter((c) => c.type === "jumb");
  return { manifests: boxes.map((m, i) => readManifest(m, i === boxes.length - 1)) };
}

function readManifest(box: JumbfBox, active: boolean): C2paManifest {
  const m: C2paManifest = { label: box.label ?? "", active, actions: [], otherSourceTypes: [], ingredients: [], unreadable: [] };
  const claimBox = child(box, "c2pa.claim", true);
  if (claimBox) {
    let claim: CborValue;
    try {
      claim = content(claimBox);
    } catch {
      claim = undefined;
    }
    if (isMap(claim)) {
      m.claimGenerator = generatorName(claim);
      m.title = str(claim["dc:title"]);
    } else m.unreadable.push(claimBox.label ?? "c2pa.claim");
  }
  const assertions = child(box, "c2pa.assertions");
  for (const a of assertions?.children ?? []) {
    if (a.type !== "jumb" || !a.label) continue;
    const base = a.label.replace(/__\d+$/, ""); // "c2pa.actions__1": a second instance
    const isActions = base === "c2pa.actions" || base === "c2pa.actions.v2";
    const isIngredient = base.startsWith("c2pa.ingredient") && !base.startsWith("c2pa.ingredient.thumbnail");
    if (base.startsWith("c2pa.thumbnail") || base.startsWith("c2pa.hash") || base.startsWith("c2pa.ingredient.thumbnail")) continue;
    let value: CborValue;
    try {
      value = content(a);
    } catch {
      m.unreadable.push(a.label);
      continue;
    }
    if (isActions && isMap(value)) {
      for (const act of arr(value.actions)) if (isMap(act)) m.actions.push(readAction(act));
      // action templates may carry a digitalSourceType that applies to every action
      for (const t of arr(value.templates)) if (isMap(t) && str(t.digitalSourceType)) m.otherSourceTypes.push(str(t.digitalSourceType)!);
    } else if (isIngredient && isMap(value)) {
      const link = isMap(value.c2pa_manifest) ? value.c2pa_manifest : isMap(value.activeManifest) ? value.activeManifest : undefined;
      m.ingredients.push({
        title: str(value["dc:title"]) ?? str(value.title),
        relationship: str(value.relationship),
        manifest: link ? manifestLabelFromUrl(str(link.url)) : undefined,
      });
    } else {
      collectSourceTypes(value, m.otherSourceTypes, 0);
    }
  }
  return m;
}

function readAction(a: { [k: string]: CborValue }): C2paAction {
  const params = isMap(a.parameters) ? a.parameters : undefined;
  const agent = a.softwareAgent;
  return {
    action: str(a.action) ?? "",
    softwareAgent: isMap(agent) ? str(agent.name) : str(agent),
    digitalSourceType: str(a.digitalSourceType),
    description: str(a.description) ?? (params ? str(params.description) : undefined),
  };
}

/** claim_generator (v1 string) or claim_generator_info (array in v1, object in v2) */
function generatorName(claim: { [k: string]: CborValue }): string | undefined {
  const g = str(claim.claim_generator);
  if (g) return g;
  const info = claim.claim_generator_info;
  const list = Array.isArray(info) ? info : info ? [info] : [];
  const names = list.filter(isMap).map((i) => [str(i.name), str(i.version)].filter(Boolean).join("/")).filter(Boolean);
  return names.length ? names.join(" ") : undefined;
}

/** any "digitalSourceType" key at any depth (IPTC/metadata assertions), bounded */
function collectSourceTypes(v: CborValue, into: string[], depth: number): void {
  if (depth > 8 || into.length > 16) return;
  if (Array.isArray(v)) for (const x of v.slice(0, 256)) collectSourceTypes(x, into, depth + 1);
  else if (isMap(v)) {
    for (const [k, x] of Object.entries(v).slice(0, 256)) {
      if (/digitalsourcetype$/i.test(k) && typeof x === "string") into.push(x);
      else collectSourceTypes(x, into, depth + 1);
    }
  }
}

/** "self#jumbf=/c2pa/urn:uuid:.../..." -> "urn:uuid:..." */
function manifestLabelFromUrl(url: string | undefined): string | undefined {
  const m = url?.match(/jumbf=\/?c2pa\/([^/]+)/);
  return m?.[1];
}

/** decodes the first cbor or json content box of an assertion or claim superbox */
function content(box: JumbfBox): CborValue {
  for (const c of box.children) {
    if (c.type === "cbor" && c.payload) return decodeCbor(c.payload);
    if (c.type === "json" && c.payload) {
      if (c.payload.length > 4 * 1024 * 1024) throw new Error("json assertion too large");
      return JSON.parse(new TextDecoder().decode(c.payload)) as CborValue;
    }
  }
  return undefined;
}

function isMap(v: CborValue): v is { [k: string]: CborValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function arr(v: CborValue): CborValue[] {
  return Array.isArray(v) ? v : [];
}

function str(v: CborValue): string | undefined {
  return typeof v === "string" ? v : undefined;
}
