import { isAlnumAt, TRIGGER, triggersOf } from "../text";

const isWordChar = (t: string, i: number) => isAlnumAt(t, i) || t[i] === "_";

// Credentials: provider keys and tokens by their documented shapes, JWTs, private key blocks,
// connection strings, and passwords in running text ("lösenordet är …", "password: …").
import type { Sink } from "./types";

/** `hint`: a literal that must occur in the text (checked with indexOf) before the regex runs */
interface Shape { re: RegExp; reason: string; conf: number; group?: number; hint: string | string[] }

const SHAPES: Shape[] = [
  { re: /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,12000}?-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g, reason: "private key block", conf: 0.99, hint: "PRIVATE KEY" },
  { re: /(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])/g, reason: "AWS access key id", conf: 0.97, hint: ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"] },
  { re: /(?<![A-Za-z0-9_])(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}(?![A-Za-z0-9])/g, reason: "GitHub token", conf: 0.99, hint: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] },
  { re: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}/g, reason: "GitHub fine-grained token", conf: 0.99, hint: "github_pat_" },
  { re: /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_\-]{20,64}/g, reason: "GitLab token", conf: 0.99, hint: "glpat-" },
  { re: /(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,250}/g, reason: "Slack token", conf: 0.98, hint: "xox" },
  { re: /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9]{6,14}\/B[A-Za-z0-9]{6,14}\/[A-Za-z0-9]{16,40}/g, reason: "Slack webhook URL", conf: 0.97, hint: "hooks.slack.com" },
  { re: /(?<![A-Za-z0-9])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,247}/g, reason: "Stripe secret key", conf: 0.98, hint: ["_live_", "_test_"] },
  { re: /(?<![A-Za-z0-9])whsec_[A-Za-z0-9]{24,64}/g, reason: "Stripe webhook secret", conf: 0.97, hint: "whsec_" },
  { re: /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-|ant-api03-|ant-)?[A-Za-z0-9_\-]{20,200}(?![A-Za-z0-9_-])/g, reason: "OpenAI/Anthropic API key", conf: 0.95, hint: "sk-" },
  { re: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_\-]{35}(?![A-Za-z0-9_-])/g, reason: "Google API key", conf: 0.97, hint: "AIza" },
  { re: /(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_\-]{28}(?![A-Za-z0-9_-])/g, reason: "Google OAuth client secret", conf: 0.97, hint: "GOCSPX-" },
  { re: /(?<![A-Za-z0-9_-])ya29\.[A-Za-z0-9_\-]{30,}/g, reason: "Google OAuth access token", conf: 0.95, hint: "ya29." },
  { re: /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g, reason: "npm token", conf: 0.97, hint: "npm_" },
  { re: /(?<![A-Za-z0-9])hf_[A-Za-z0-9]{30,40}(?![A-Za-z0-9])/g, reason: "Hugging Face token", conf: 0.95, hint: "hf_" },
  { re: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}/g, reason: "SendGrid API key", conf: 0.97, hint: "SG." },
  { re: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_\-]{8,4096}\.eyJ[A-Za-z0-9_\-]{8,8192}\.[A-Za-z0-9_\-]{8,4096}/g, reason: "JSON Web Token", conf: 0.97, hint: "eyJ" },
  // Azure storage / service bus / event hub connection strings and SAS tokens
  { re: /DefaultEndpointsProtocol=[^;\s"']{1,10};AccountName=[^;\s"']{1,64};AccountKey=[A-Za-z0-9+/=]{20,120}(?:;[A-Za-z]{1,30}=[^;\s"']{1,120}){0,4};?/g, reason: "Azure storage connection string", conf: 0.99, hint: "AccountKey=" },
  { re: /Endpoint=sb:\/\/[^;\s"']{1,120};SharedAccessKeyName=[^;\s"']{1,120};SharedAccessKey=[A-Za-z0-9+/=]{20,120}(?:;[A-Za-z]{1,30}=[^;\s"']{1,120}){0,3}/g, reason: "Azure Service Bus connection string", conf: 0.99, hint: "SharedAccessKey=" },
  { re: /(?<![A-Za-z])(?:AccountKey|SharedAccessKey|AccessKey)=[A-Za-z0-9+/]{30,120}={0,2}/g, reason: "Azure access key", conf: 0.97, hint: "Key=" },
  { re: /(?:\?|&|^|\s)(sv=\d{4}-\d{2}-\d{2}&[^\s"'<>]{0,400}?sig=[A-Za-z0-9%+/=]{20,120})/g, reason: "Azure SAS token", conf: 0.97, group: 1, hint: "sig=" },
  // URLs with a password: scheme://user:password@host
  { re: /(?:[a-z][a-z0-9+.\-]{1,20}):\/\/[^\s:@/"']{1,64}:[^\s@/"']{1,128}@[^\s/"'?#]{1,200}/gi, reason: "connection string with a password", conf: 0.97, hint: "://" },
  // ADO.NET / ODBC style: …;Password=…;
  { re: /(?:Server|Data Source|Host|Address)=[^;\n"']{1,120};[^\n"']{0,300}?(?:Password|Pwd)=[^;\n"']{1,120};?/gi, reason: "connection string with a password", conf: 0.97, hint: ["assword=", "ASSWORD=", "wd=", "WD="] },
];

/** env-var / JSON / header style secrets: AWS_SECRET_ACCESS_KEY=…, "client_secret": "…", X-Api-Key: … */
const KEY_WORD = /secret|token|passw|pwd|api[_\-]?key|apikey|access[_\-]?key|subscription[_\-]key|private[_\-]?key|auth[_\-]?key/gi;
/** a character of a key name: [A-Za-z0-9_.\-] */
const isKeyChar = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 46 || c === 45;
const KEY_VALUE = /["']?\s{0,3}[:=]\s{0,3}["']?([A-Za-z0-9+/_\-.=~!#$%^&*@]{8,512})["']?/y;
const BEARER = /\b(?:Bearer|Basic|token)\s+([A-Za-z0-9\-._~+/]{20,4096}={0,2})/g;
/** passwords told in running text */
const PASSWORD_TEXT = /(lösenord(?:et)?|lösen|password|passwd|passcode|pwd|pass|pinkod(?:en)?|pin-kod(?:en)?|pin(?:-code| code)?|wifi-lösenord(?:et)?)((?:\s+[\wåäö.\-]{1,20}){0,4}?)(\s*[:=]\s*|\s+(?:är|is|was|blir|blev|=)\s+(?:nu\s+|now\s+)?)["'“”‘]?([^\s"'“”‘]{4,64})/gi;
/** "bytte lösenordet till Vinter2025", "changed the password to …": the value right after */
/** "lösenord Xy7!kQ2p", "wifi-nyckeln är …": a keyword straight before a value that looks generated */
const PASSWORD_BARE = /(lösenord(?:et)?|password|wifi-nyckel(?:n)?|nätverksnyckel(?:n)?|wi-?fi[- ](?:key|password)|nyckel(?:n)?)()(\s+(?:är\s+|is\s+)?)["'“”‘]?([^\s"'“”‘]{6,64})/gi;
const PASSWORD_TO = /(lösenord(?:et)?|password|pinkod(?:en)?)()(\s+(?:till|to)\s+)["'“”‘]?([^\s"'“”‘]{4,64})/gi;
const PLACEHOLDER = /^(?:\$\{|<|\{\{|%|process\.env|os\.environ|env\(|xxx|\*\*\*|your[_\-]|example|changeme$|redacted|null$|none$|undefined$|true$|false$|required$|optional$)/i;
const COMMON_VALUE = /^(?:samma|same|inte|not|fel|wrong|för|too|ogiltigt?|invalid|bytt|changed|okänt|unknown|låst|locked|utgånget|expired|korrekt|correct|rätt|klart|svårt|enkelt|viktigt|hemligt|secret|reset|återställt|sparat|saved|the|ett|en|ditt|your|my|mitt|min|det|den|this|that|att|som|och|and|kvar|borta|slut|stored|hashed|krypterat|encrypted|används|needed|behövs|set)$/i;

const PASSWORD_RES = [PASSWORD_TEXT, PASSWORD_TO, PASSWORD_BARE];

function looksLikeSecret(v: string): boolean {
  if (PLACEHOLDER.test(v) || COMMON_VALUE.test(v)) return false;
  const hasDigit = /\d/.test(v), hasSym = /[^A-Za-z0-9åäöÅÄÖ]/.test(v), mixed = /[a-zåäö]/.test(v) && /[A-ZÅÄÖ]/.test(v.slice(1));
  return hasDigit || hasSym || mixed || v.length >= 12;
}

function trimValue(v: string): string {
  return v.replace(/[.,;:)\]}>]+$/, "");
}

const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const HINTS = new RegExp([...new Set(SHAPES.flatMap((s) => (typeof s.hint === "string" ? [s.hint] : s.hint)))]
  .sort((a, b) => b.length - a.length).map(escape).join("|"), "g");

/** ASCII letters and digits */
const ALNUM = (() => {
  const t = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) t[c] = 1;
  for (let c = 65; c <= 90; c++) { t[c] = 1; t[c + 32] = 1; }
  return t;
})();
const isAsciiAlnum = (c: number): boolean => c < 128 && ALNUM[c] === 1;

/**
 * a run of 16 ASCII letters or digits that holds a digit or a capital after its first character
 * (a key or token; Swedish compounds such as "ekonomiavdelningen" are long runs of lowercase
 * letters and must not open the costlier scans). Every such run covers a position that is 15 mod
 * 16, so only those are probed; a run is measured once and the probe jumps past it.
 */
function hasLongToken(text: string): boolean {
  const n = text.length;
  for (let i = 15; i < n; i += 16) {
    if (!isAsciiAlnum(text.charCodeAt(i))) continue;
    // a run of 16 through i reaches i - 8 or i + 8: most words end before both
    if (!isAsciiAlnum(text.charCodeAt(i - 8)) && !isAsciiAlnum(text.charCodeAt(i + 8))) continue;
    let a = i, b = i + 1;
    while (a > 0 && isAsciiAlnum(text.charCodeAt(a - 1))) a--;
    while (b < n && isAsciiAlnum(text.charCodeAt(b))) b++;
    if (b - a >= 16) {
      for (let k = a + 1; k < b; k++) {
        const c = text.charCodeAt(k);
        if (c <= 90) return true; // a digit or a capital (an ASCII letter or digit up to 'Z')
      }
      if (text.charCodeAt(a) <= 57) return true;
    }
    while (i + 16 < b) i += 16;
  }
  return false;
}

/** a value of eight or more characters right after a colon ("token: abc12345xy", "secret: correcthorse…") */
function hasColonValue(text: string): boolean {
  for (let c = text.indexOf(":"); c >= 0; c = text.indexOf(":", c + 1)) {
    let k = c + 1;
    while (k < text.length && k - c <= 5 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 34 || text.charCodeAt(k) === 39)) k++;
    const v = k;
    while (k < text.length && k - v < 8 && text.charCodeAt(k) > 32) k++;
    if (k - v >= 8) return true;
  }
  return false;
}

export function detectCredentials(text: string, sink: Sink, triggers = triggersOf(text)): void {
  let m: RegExpExecArray | null;
  // one scan for every shape's literal hint, then only the shapes whose hint occurs; prose
  // without '=', '_', '-----', a URL or a long unbroken token holds none of them
  const present = new Set<string>();
  const codeLike = text.indexOf("=") >= 0 || text.indexOf("_") >= 0 || text.indexOf("://") >= 0 || text.indexOf("-----") >= 0 || hasLongToken(text) || hasColonValue(text);
  HINTS.lastIndex = 0;
  if (codeLike) while ((m = HINTS.exec(text))) present.add(m[0]);
  for (const s of SHAPES) {
    if (!present.size) break;
    if (typeof s.hint === "string" ? !present.has(s.hint) : !s.hint.some((h) => present.has(h))) continue;
    s.re.lastIndex = 0;
    while ((m = s.re.exec(text))) {
      const val = s.group ? m[s.group] : m[0];
      const start = s.group ? m.index + m[0].indexOf(val) : m.index;
      sink.add("CREDENTIAL", start, start + val.length, s.conf, s.reason);
      if (m[0].length === 0) s.re.lastIndex++;
    }
  }
  KEY_WORD.lastIndex = 0;
  while (codeLike && (m = KEY_WORD.exec(text))) {
    let ks = m.index, ke = m.index + m[0].length;
    while (ks > 0 && m.index - ks < 40 && isKeyChar(text.charCodeAt(ks - 1))) ks--;
    while (ke < text.length && ke - m.index < 40 && isKeyChar(text.charCodeAt(ke))) ke++;
    KEY_WORD.lastIndex = ke;
    KEY_VALUE.lastIndex = ke;
    const v = KEY_VALUE.exec(text);
    if (!v) continue;
    const key = text.slice(ks, ke);
    const val = trimValue(v[1]);
    if (val.length < 8 || !looksLikeSecret(val)) continue;
    // "tokenizer: …", "token_type": "Bearer" are not secrets
    if (/type|uri|url|endpoint|name|id$|expires|path|file|length|count|version/i.test(key.replace(/secret|token|key|password/gi, ""))) continue;
    const start = v.index + v[0].lastIndexOf(v[1]);
    KEY_WORD.lastIndex = start + val.length;
    sink.add("CREDENTIAL", start, start + val.length, 0.9, `value of '${key.slice(0, 40)}'`);
  }
  BEARER.lastIndex = 0;
  if (codeLike && (text.indexOf("Bearer") >= 0 || text.indexOf("Basic") >= 0 || text.indexOf("token") >= 0)) while ((m = BEARER.exec(text))) {
    const val = m[1];
    if (!/\d/.test(val) || !/[A-Za-z]/.test(val)) continue;
    const start = m.index + m[0].length - val.length;
    sink.add("CREDENTIAL", start, start + val.length, 0.9, "bearer token");
  }
  // passwords in running text: only drafts that name one are scanned
  const named = (triggers & (TRIGGER.PASSWORD | TRIGGER.KEY)) !== 0;
  for (const re of named ? PASSWORD_RES : []) {
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      if (isWordChar(text, m.index - 1)) continue;
      const kw = m[1].toLowerCase();
      const between = m[2] || "";
      // "pass" and "pin" are ordinary words: only with ':' or '=' right after
      if (/^(?:pass|pin)$/.test(kw) && (between || !/[:=]/.test(m[3]))) continue;
      if (/\b(?:om|if|när|when|hur|how|att|ska|should|måste|must)\b/i.test(between)) continue;
      const val = trimValue(m[4]);
      if (val.length < 4 || !looksLikeSecret(val)) continue;
      // a bare keyword ("lösenord Abc123!", "nyckeln är …") needs a value no sentence word has: letters and digits mixed
      if (re === PASSWORD_BARE && !(/\d/.test(val) && /[A-Za-zåäö]/.test(val)) && !(/[a-z]/.test(val) && /[A-Z]/.test(val.slice(1)) && val.length >= 10)) continue;
      const start = m.index + m[0].lastIndexOf(m[4]);
      sink.add("CREDENTIAL", start, start + val.length, 0.92, "password written in the text");
  }
  }
  // "bytt lösenord två gånger, senast till Hjorten#Mars25", "nytt admin-lösen … det är Tr4ktor!Blå9":
  // a value shaped like a chosen password (letters, digits and a symbol) shortly after the keyword
  if (!named) return;
  for (let pos = 0; (m = nextPasswordKeyword(text, pos)); pos = m.index + m[0].length) {
    if (isWordChar(text, m.index - 1)) continue;
    const from = m.index + m[0].length;
    const window = text.slice(from, from + NEAR_WINDOW);
    SHAPED.lastIndex = 0;
    let v: RegExpExecArray | null;
    while ((v = SHAPED.exec(window))) {
      const val = trimValue(v[1]);
      if (!passwordShaped(val)) continue;
      const start = from + v.index + v[0].indexOf(v[1]);
      sink.add("CREDENTIAL", start, start + val.length, 0.85, "password-shaped value right after the word password");
      break;
    }
  }
}

const PASSWORD_KEYWORD_AT = /(?:lösenord\w{0,4}|\w{0,8}-?lösen|password\w{0,2}|passwd|lösen)(?![\wåäö])/iy;
/** what every keyword holds, at most nine characters (eight word characters and '-') after its start */
const PASSWORD_CORE = /lösen|passw/gi;

/**
 * the first keyword match starting at or after `from`, the same as a global scan from there: the
 * keyword regex tries every place, costly with its leading \w{0,8}, so it is tried only at the ten
 * places that can reach the next "lösen"/"passw"; a match further back would hold an earlier one
 */
export function nextPasswordKeyword(text: string, from: number): RegExpExecArray | null {
  let pos = from;
  for (;;) {
    PASSWORD_CORE.lastIndex = pos;
    const c = PASSWORD_CORE.exec(text);
    if (!c) return null;
    const o = c.index;
    for (let p = Math.max(pos, o - 9); p <= o; p++) {
      PASSWORD_KEYWORD_AT.lastIndex = p;
      const m = PASSWORD_KEYWORD_AT.exec(text);
      if (m) return m;
    }
    pos = o + 1;
  }
}
const NEAR_WINDOW = 90;
/** a whitespace-delimited value of 8 to 64 characters */
const SHAPED = /(?:^|\s)["'“”‘]?([^\s"'“”‘]{8,64})/g;

/** letters, a digit and a symbol, or upper and lower case and a digit: chosen, not a word or a date */
function passwordShaped(v: string): boolean {
  if (v.length < 8 || /^(?:https?:|www\.)/i.test(v) || v.includes("@") || /^[\d\s.:\/-]+$/.test(v)) return false;
  const digit = /\d/.test(v), letter = /\p{L}/u.test(v), symbol = /[#!$%&*?+=€§]/.test(v);
  const mixed = /\p{Ll}/u.test(v) && /\p{Lu}/u.test(v.slice(1));
  return digit && letter && (symbol || mixed);
}
