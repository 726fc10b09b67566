// Reading the deployment files as text: no Bicep compiler runs here (none is installed and
// none can be downloaded), so infra/azure.bicep is read for what a test can check without
// one: its parameters with their decorators, variables, resource types, app settings and
// outputs. YAML is read with js-yaml.
import * as fs from "node:fs";
import { load as loadYaml } from "js-yaml";

export interface BicepParam {
  name: string;
  type: string;
  default?: string;
  secure: boolean;
  allowed?: string[];
  minLength?: number;
  maxLength?: number;
}

export interface Bicep {
  text: string;
  params: Map<string, BicepParam>;
  vars: Map<string, string>;
  /** resource types (without API version), in order */
  resources: Array<{ symbol: string; type: string; body: string }>;
  /** name -> value expression, as written */
  appSettings: Map<string, string>;
  outputs: string[];
  /** a siteConfig property's value as written (quotes kept) */
  siteConfig(name: string): string | undefined;
}

/** text from start (at an opening bracket) to its matching bracket, skipping strings and comments */
export function balanced(text: string, start: number): string {
  const open = text[start];
  const close = open === "{" ? "}" : open === "[" ? "]" : ")";
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      for (i++; i < text.length && text[i] !== "'"; i++) if (text[i] === "\\") i++;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`unbalanced ${open} at ${start}`);
}

/** brackets of every kind balance outside strings and comments */
export function bracketsBalance(text: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { "}": "{", "]": "[", ")": "(" };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      for (i++; i < text.length && text[i] !== "'"; i++) if (text[i] === "\\") i++;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if ("{[(".includes(c)) stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) return false;
  }
  return stack.length === 0;
}

export function readBicep(file: string): Bicep {
  const text = fs.readFileSync(file, "utf8");
  const lines = text.split("\n");
  const params = new Map<string, BicepParam>();
  let decorators: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t.startsWith("@")) {
      decorators.push(t);
      continue;
    }
    const m = /^param\s+(\w+)\s+(\w+)(?:\s*=\s*(.+))?$/.exec(t);
    if (m) {
      const p: BicepParam = { name: m[1], type: m[2], default: m[3], secure: decorators.some((d) => d.startsWith("@secure(")) };
      for (const d of decorators) {
        const allowed = /^@allowed\(\[(.*)\]\)$/.exec(d);
        if (allowed) p.allowed = [...allowed[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
        const min = /^@minLength\((\d+)\)$/.exec(d);
        if (min) p.minLength = Number(min[1]);
        const max = /^@maxLength\((\d+)\)$/.exec(d);
        if (max) p.maxLength = Number(max[1]);
      }
      params.set(p.name, p);
    }
    if (t && !t.startsWith("//")) decorators = [];
  }
  const vars = new Map([...text.matchAll(/^var\s+(\w+)\s*=\s*(.+)$/gm)].map((m) => [m[1], m[2].trim()] as [string, string]));
  const resources = [...text.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@[^']+'\s*=\s*/gm)].map((m) => ({
    symbol: m[1],
    type: m[2],
    body: balanced(text, m.index! + m[0].length),
  }));
  const appSettings = new Map<string, string>();
  const at = text.indexOf("appSettings: [");
  if (at >= 0) {
    const block = balanced(text, at + "appSettings: ".length);
    for (const m of block.matchAll(/\{\s*name:\s*'([^']+)',\s*value:\s*(.+?)\s*\}\s*$/gm)) {
      if (appSettings.has(m[1])) throw new Error(`app setting ${m[1]} set twice`);
      appSettings.set(m[1], m[2]);
    }
  }
  const outputs = [...text.matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((m) => m[1]);
  const siteConfig = (name: string) => new RegExp(`^\\s+${name}:\\s*(.+)$`, "m").exec(text)?.[1].trim();
  return { text, params, vars, resources, appSettings, outputs, siteConfig };
}

/** KEY=VALUE lines of a dotenv file (comments and blank lines skipped) */
export function readEnvFile(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) out.set(m[1], m[2]);
  }
  return out;
}

/** the ${{NAME}} placeholders the toolkit fills from the environment */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]))];
}

export function readYaml(file: string): unknown {
  return loadYaml(fs.readFileSync(file, "utf8"));
}
