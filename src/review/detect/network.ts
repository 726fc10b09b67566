// IPv4 and IPv6 addresses (with optional zone and prefix length).
import { before, isAlnumAt } from "../text";
import type { Sink } from "./types";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\d)`, "g");
const IPV4_EXACT = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const VERSION_CUE = /(?:version|ver\.?|v|build|release|firmware|os|windows|\bapp|utgåva)\s?:?\s?$/i;

/** two colons in one run of the characters an IPv6 address is made of (runs are at most 64 long) */
const TWO_COLONS = /:[0-9A-Fa-f.]{0,62}:/;

function prefixAfter(text: string, end: number, max: number): number {
  // "/24": keep it when it is a valid prefix length
  if (text[end] !== "/") return end;
  const m = /^\/(\d{1,3})(?!\d)/.exec(text.slice(end, end + 5));
  if (!m || Number(m[1]) > max) return end;
  return end + m[0].length;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function validIpv6(s: string): boolean {
  if (s === "::") return true;
  const halves = s.split("::");
  if (halves.length > 2) return false;
  let groups = 0;
  const check = (part: string, allowV4: boolean): boolean => {
    if (part === "") return true;
    const gs = part.split(":");
    for (let i = 0; i < gs.length; i++) {
      const g = gs[i];
      if (i === gs.length - 1 && allowV4 && g.includes(".")) {
        if (!IPV4_EXACT.test(g)) return false;
        groups += 2;
        continue;
      }
      if (g.length < 1 || g.length > 4) return false;
      for (let k = 0; k < g.length; k++) if (!isHex(g.charCodeAt(k))) return false;
      groups++;
    }
    return true;
  };
  if (halves.length === 2) {
    if (!check(halves[0], false) || !check(halves[1], true)) return false;
    return groups <= 7;
  }
  if (!check(halves[0], true)) return false;
  return groups === 8;
}

export function detectIps(text: string, sink: Sink): void {
  let m: RegExpExecArray | null;
  IPV4.lastIndex = 0;
  while ((m = IPV4.exec(text))) {
    if (VERSION_CUE.test(before(text, m.index, 14))) continue;
    // "1.2.3.4.5" beyond the fourth octet is something else, unless it is just the end of a sentence
    const end = prefixAfter(text, m.index + m[0].length, 32);
    sink.add("IP_ADDRESS", m.index, end, 0.93, "IPv4 address");
  }
  // an IPv6 address holds two colons with at most hex digits and dots between them
  if (text.indexOf(":") === -1 || !TWO_COLONS.test(text)) return;
  // IPv6: scan maximal runs of [0-9a-f:.] that start at a non-word boundary
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const startable = isHex(c) || c === 58;
    if (!startable) { i++; continue; }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    const prevWord = isAlnumAt(text, i - 1) || prev === 95 || prev === 58 || prev === 46;
    let j = i;
    let colons = 0;
    while (j < n && j - i < 64) {
      const d = text.charCodeAt(j);
      if (isHex(d) || d === 46) { j++; continue; }
      if (d === 58) { colons++; j++; continue; }
      break;
    }
    if (prevWord || colons < 2) { i = Math.max(j, i + 1); continue; }
    // drop trailing sentence punctuation ("…::1." "…:")
    let e = j;
    while (e > i && (text[e - 1] === "." || (text[e - 1] === ":" && text[e - 2] !== ":"))) e--;
    const cand = text.slice(i, e);
    let end = e;
    if (validIpv6(cand)) {
      if (text[end] === "%") {
        const z = /^%[A-Za-z0-9_.]{1,20}/.exec(text.slice(end, end + 22));
        if (z) end += z[0].length;
      }
      if (!isAlnumAt(text, end) && text[end] !== "_") {
        end = prefixAfter(text, end, 128);
        sink.add("IP_ADDRESS", i, end, 0.93, "IPv6 address");
      }
    }
    i = Math.max(j, i + 1);
  }
}
