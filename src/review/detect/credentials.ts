import { isAlnumAt, TRIGGER, triggersOf } from "../text";

const isWordChar = (t: string, i: number) => isAlnumAt(t, i) || t[i] === "_";

// Credentials: provider keys and tokens by their documented shapes, JWTs, private key blocks,
// connection strings, and passwords in running text ("lösenordet är …", "password: …").
import type { Sink } from "./types";

/**
 * `hint`: a literal that must occur in the text (checked with indexOf) before the regex runs;
 * `scan`: finds the matches of `re` itself, in linear time, where the regex is too slow to run
 */
interface Shape { re: RegExp; reason: string; conf: number; group?: number; hint: string | string[]; scan?: (text: string, add: (start: number, end: number) => void) => void }

const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/y;
const PEM_BODY_MAX = 12_000;

/**
 * The private key shape's matches (a BEGIN line, at most PEM_BODY_MAX characters, the first END
 * line after it) without its regex, which reads up to PEM_BODY_MAX characters from every BEGIN
 * ("-----BEGIN PRIVATE KEY-----" repeated over 100 KB took 0.3 s): the next END line is found once
 * and kept while the BEGIN lines move forward.
 */
function scanPrivateKeys(text: string, add: (start: number, end: number) => void): void {
  let endFrom = Number.MAX_SAFE_INTEGER;
  let endAt = -1;
  let endStop = -1;
  /** where the first END line at or after pos starts (-1: none); endStop is where it ends */
  const nextEnd = (pos: number): number => {
    if (pos < endFrom || (endAt >= 0 && pos > endAt)) {
      endFrom = pos;
      endAt = -1;
      for (let k = text.indexOf("-----END ", pos); k >= 0; k = text.indexOf("-----END ", k + 1)) {
        PEM_END.lastIndex = k;
        if (PEM_END.test(text)) {
          endAt = k;
          endStop = PEM_END.lastIndex;
          break;
        }
      }
    }
    return endAt;
  };
  PEM_BEGIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PEM_BEGIN.exec(text))) {
    const bodyStart = m.index + m[0].length;
    const end = nextEnd(bodyStart);
    if (end >= 0 && end - bodyStart <= PEM_BODY_MAX) {
      add(m.index, endStop);
      PEM_BEGIN.lastIndex = endStop;
    } else PEM_BEGIN.lastIndex = m.index + 1;
  }
}

const SHAPES: Shape[] = [
  { re: /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,12000}?-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g, reason: "private key block", conf: 0.99, hint: "PRIVATE KEY", scan: scanPrivateKeys },
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
  { re: /(?<![A-Za-z])(?:AccountKey|SharedAccessKey|AccessKey)=[A-Za-z0-9+/]{30,120}={0,2}/g, reason: "Azure access key", conf: 0.97, hint: ["Key=", "AccountKey=", "SharedAccessKey="] },
  { re: /(?:\?|&|^|\s)(sv=\d{4}-\d{2}-\d{2}&[^\s"'<>]{0,400}?sig=[A-Za-z0-9%+/=]{20,120})/g, reason: "Azure SAS token", conf: 0.97, group: 1, hint: "sig=" },
  // URLs with a password: scheme://user:password@host
  { re: /(?:[a-z][a-z0-9+.\-]{1,20}):\/\/[^\s:@/"']{1,64}:[^\s@/"']{1,128}@[^\s/"'?#]{1,200}/gi, reason: "connection string with a password", conf: 0.97, hint: "://" },
  // ADO.NET / ODBC style: …;Password=…;
  { re: /(?:Server|Data Source|Host|Address)=[^;\n"']{1,120};[^\n"']{0,300}?(?:Password|Pwd)=[^;\n"']{1,120};?/gi, reason: "connection string with a password", conf: 0.97, hint: ["assword=", "ASSWORD=", "wd=", "WD="] },
];

/** env-var / JSON / header style secrets: AWS_SECRET_ACCESS_KEY=…, "client_secret": "…", X-Api-Key: … */
const KEY_WORD = /secret|token|passw|pwd|(?<=[_\-.]|^)pass(?![a-z])|api[_\-]?key|apikey|access[_\-]?key|subscription[_\-]key|private[_\-]?key|auth[_\-]?key/gi;
/** a character of a key name: [A-Za-z0-9_.\-] */
const isKeyChar = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 46 || c === 45;
const KEY_VALUE = /["']?\s{0,3}[:=]\s{0,3}["']?([A-Za-z0-9+/_\-.=~!#$%^&*@]{8,512})["']?/y;
const BEARER = /\b(?:Bearer|Basic|token)\s+([A-Za-z0-9\-._~+/]{20,4096}={0,2})/g;
/** passwords told in running text */
const PASSWORD_TEXT = /(lösenord(?:et)?|lösen|password|passwd|passcode|pwd|pass|pinkod(?:en)?|pin-kod(?:en)?|pin(?:-code| code)?|wifi-lösenord(?:et)?)((?:\s+[\wåäö.\-]{1,20}){0,4}?)(\s*[:=]\s*|\s+(?:är|is|was|blir|blev|=)\s+(?:nu\s+|now\s+)?)["'“”‘]?([^\s"'“”‘]{4,64})/gi;
/** "lösenord Xy7!kQ2p", "wifi-nyckeln är …": a keyword straight before a value that looks generated */
const PASSWORD_BARE = /(lösenord(?:et)?|password|wifi-nyckel(?:n)?|nätverksnyckel(?:n)?|wi-?fi[- ](?:key|password)|nyckel(?:n)?)()(\s+(?:är\s+|is\s+)?)["'“”‘]?([^\s"'“”‘]{6,64})/gi;
/** "bytte lösenordet till Vinter2025", "changed the password to …": the value right after */
const PASSWORD_TO = /(lösenord(?:et)?|password|pinkod(?:en)?)((?:\s+[\wåäö]{1,12}){0,2}?)(\s+(?:till|to)\s+)["'“”‘]?([^\s"'“”‘]{4,64})/gi;
const PLACEHOLDER = /^(?:\$\{|<|\{\{|%|process\.env|os\.environ|os\.getenv|getenv\(|system\.getenv|environment\.|config\[|env\(|xxx|\*\*\*|your[_\-]|example|changeme$|redacted|null$|none$|undefined$|true$|false$|required$|optional$)|replace[_\-]?me|\.\.\./i;
const COMMON_VALUE = /^(?:samma|same|inte|not|fel|wrong|för|too|ogiltigt?|invalid|bytt|changed|okänt|unknown|låst|locked|utgånget|expired|korrekt|correct|rätt|klart|svårt|enkelt|viktigt|hemligt|secret|reset|återställt|sparat|saved|the|ett|en|ditt|your|my|mitt|min|det|den|this|that|att|som|och|and|kvar|borta|slut|stored|hashed|krypterat|encrypted|används|needed|behövs|set|saknas|krävs|finns|skickas|ändras|byts|glömt|glömd|nej|ja|ingen|inget|tomt|blank|empty|missing|pending|skickat|sent|nytt|new|old|gammalt|standard|default|temporary|tillfälligt)$/i;

const ASCII_DIGIT = /\d/;
const NOT_WORD_LETTER = /[^A-Za-z0-9åäöÅÄÖ]/;
const LOWER_LETTER = /[a-zåäö]/;
const UPPER_LETTER = /[A-ZÅÄÖ]/;

function looksLikeSecret(v: string): boolean {
  if (PLACEHOLDER.test(v) || COMMON_VALUE.test(v)) return false;
  // long, or a digit, a symbol or mixed case (the cheapest test first)
  return v.length >= 12 || ASCII_DIGIT.test(v) || NOT_WORD_LETTER.test(v) || (LOWER_LETTER.test(v) && UPPER_LETTER.test(v.slice(1)));
}

const TRAILING_PUNCTUATION = /[.,;:)\]}>]+$/;
function trimValue(v: string): string {
  return v.replace(TRAILING_PUNCTUATION, "");
}

const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const HINTS = new RegExp([...new Set(SHAPES.flatMap((s) => (typeof s.hint === "string" ? [s.hint] : s.hint)))]
  .sort((a, b) => b.length - a.length).map(escape).join("|"), "g");

/** per hint: the shapes (bits by index in SHAPES) that want it */
const HINT_SHAPES = new Map<string, number>();
SHAPES.forEach((s, i) => {
  for (const h of typeof s.hint === "string" ? [s.hint] : s.hint) HINT_SHAPES.set(h, (HINT_SHAPES.get(h) ?? 0) | (1 << i));
});

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
 * letters and must not open the costlier scans). Every such run holds two positions p - 8 and p
 * with p 7 mod 8 and the seven between them, so only those are probed: when both are letters or
 * digits the seven are checked (most words end before), and a run is measured once, the probe
 * jumping past it.
 */
function hasLongToken(text: string): boolean {
  const n = text.length;
  let prevAlnum = false;
  for (let p = 7; p < n; p += 8) {
    if (!isAsciiAlnum(text.charCodeAt(p))) { prevAlnum = false; continue; }
    if (!prevAlnum) { prevAlnum = true; continue; }
    let a = p - 1;
    while (a > p - 8 && isAsciiAlnum(text.charCodeAt(a))) a--;
    if (a > p - 8) continue; // a gap between the two probes
    while (a > 0 && isAsciiAlnum(text.charCodeAt(a - 1))) a--;
    let b = p + 1;
    while (b < n && isAsciiAlnum(text.charCodeAt(b))) b++;
    if (b - a >= 16 && holdsDigitOrCapital(text, a, b)) return true;
    prevAlnum = false; // b is not a letter or digit: the next probe past it starts afresh
    while (p + 8 < b) p += 8;
  }
  return false;
}

/** a digit anywhere in text[a, b) (ASCII letters and digits) or a capital after its first character */
function holdsDigitOrCapital(text: string, a: number, b: number): boolean {
  if (text.charCodeAt(a) <= 57) return true;
  for (let k = a + 1; k < b; k++) if (text.charCodeAt(k) <= 90) return true; // a digit or a capital: up to 'Z'
  return false;
}

/** a value of eight or more characters right after a colon ("token: abc12345xy", "secret: correcthorse…"); `first`: the first colon */
function hasColonValue(text: string, first: number): boolean {
  for (let c = first; c >= 0; c = text.indexOf(":", c + 1)) {
    let k = c + 1;
    while (k < text.length && k - c <= 5 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 34 || text.charCodeAt(k) === 39)) k++;
    const v = k;
    while (k < text.length && k - v < 8 && text.charCodeAt(k) > 32) k++;
    if (k - v >= 8) return true;
  }
  return false;
}

export function detectCredentials(text: string, sink: Sink, triggers = triggersOf(text)): void {
  // prose without '=', '_', '-----', a URL, a value after a colon or a long unbroken token holds
  // no key shape, key=value pair or bearer token: the cheap tests first, the probe for a token last
  const colon = text.indexOf(":");
  const hasEquals = text.indexOf("=") >= 0;
  const codeLike = hasEquals || text.indexOf("_") >= 0 || (colon >= 0 && text.indexOf("://", colon) >= 0) || text.indexOf("-----") >= 0 ||
    (colon >= 0 && hasColonValue(text, colon)) || hasLongToken(text);
  if (codeLike) {
    detectShapes(text, sink);
    // a key=value or "key": value pair needs the '=' or ':'
    if (hasEquals || colon >= 0) detectKeyValues(text, sink);
    if (text.indexOf("Bearer") >= 0 || text.indexOf("Basic") >= 0 || text.indexOf("token") >= 0) detectBearer(text, sink);
  }
  // passwords in running text: only drafts that name one are scanned. Every keyword of PASSWORD_TEXT,
  // PASSWORD_TO and the keyword before a password-shaped value sets TRIGGER.PASSWORD ("lösen", "pass",
  // "pwd", "pin" at a word start); PASSWORD_BARE also takes "nyckel" and "wifi" (TRIGGER.KEY)
  const password = (triggers & TRIGGER.PASSWORD) !== 0;
  if (password) detectPasswordsInText(text, sink, PASSWORD_TEXT);
  if (password) detectPasswordsInText(text, sink, PASSWORD_TO);
  if (password || (triggers & TRIGGER.KEY) !== 0) detectPasswordsInText(text, sink, PASSWORD_BARE);
  if (password) detectShapedPasswords(text, sink);
  if (text.indexOf("/") >= 0 && ACCOUNT_HINT.test(text)) detectLoginPairs(text, sink);
}

/** an account word right before a slash, anywhere: most drafts with a slash (URLs, dates) have none */
const ACCOUNT_HINT = /(?:admin|administrator|root|user|sa|guest|operator|support|service|superuser) ?\//i;
/** "admin / Sommar2024!", "root/Tr4ktor#9": an account and its password, written as a pair */
const LOGIN_PAIR = /(?<![\w.@/-])(?:admin|administrator|root|user|sa|guest|operator|support|service|superuser)\s?\/\s?["'“”‘]?([^\s"'“”‘/]{8,64})/gi;

function detectLoginPairs(text: string, sink: Sink): void {
  LOGIN_PAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LOGIN_PAIR.exec(text))) {
    const val = trimValue(m[1]);
    if (!passwordShaped(val)) continue;
    const start = m.index + m[0].length - m[1].length;
    sink.add("CREDENTIAL", start, start + val.length, 0.85, "password paired with an account name");
  }
}

/** a connection string whose password is masked ("Password=****", "Pwd=<secret>", "://app:xxx@") */
const HIDDEN_PASSWORD = /(?:(?:password|pwd)=|:\/\/[^\s:@/]+:)(?:\*+|x{3,}|•+|<[^>]*>|\{[^}]*\}|\$\{[^}]*\}|\.{3})(?:;|@|$)/i;

/**
 * one scan for every shape's literal hint, then only the shapes whose hint occurs (a hint inside
 * an earlier hint's match, "Key=" in "AccountKey=", is not seen: the scan does not overlap)
 */
function detectShapes(text: string, sink: Sink): void {
  let present = 0;
  let m: RegExpExecArray | null;
  HINTS.lastIndex = 0;
  while ((m = HINTS.exec(text))) present |= HINT_SHAPES.get(m[0])!;
  for (let i = 0; present !== 0 && i < SHAPES.length; i++) {
    if ((present & (1 << i)) === 0) continue;
    present &= ~(1 << i);
    const s = SHAPES[i];
    if (s.scan) {
      s.scan(text, (start, end) => sink.add("CREDENTIAL", start, end, s.conf, s.reason));
      continue;
    }
    s.re.lastIndex = 0;
    while ((m = s.re.exec(text))) {
      const val = s.group ? m[s.group] : m[0];
      const start = s.group ? m.index + m[0].indexOf(val) : m.index;
      // "Password=********;", "://user:xxxx@host": the password already hidden is no credential
      if (s.reason === "connection string with a password" && HIDDEN_PASSWORD.test(val)) continue;
      sink.add("CREDENTIAL", start, start + val.length, s.conf, s.reason);
      if (m[0].length === 0) s.re.lastIndex++;
    }
  }
}

/** "tokenizer: …", "token_type": "Bearer" are not secrets: the key without its keyword names something else */
const KEY_KEYWORDS = /secret|token|key|password/gi;
const NOT_A_SECRET_KEY = /type|uri|url|endpoint|name|id$|expires|path|file|length|count|version/i;

function detectKeyValues(text: string, sink: Sink): void {
  let m: RegExpExecArray | null;
  KEY_WORD.lastIndex = 0;
  while ((m = KEY_WORD.exec(text))) {
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
    if (NOT_A_SECRET_KEY.test(key.replace(KEY_KEYWORDS, ""))) continue;
    // the value ends the match but for a closing quote (which the value cannot hold)
    const quoted = v[0].charCodeAt(v[0].length - 1) === 34 || v[0].charCodeAt(v[0].length - 1) === 39;
    const start = v.index + v[0].length - v[1].length - (quoted ? 1 : 0);
    KEY_WORD.lastIndex = start + val.length;
    sink.add("CREDENTIAL", start, start + val.length, 0.9, `value of '${key.slice(0, 40)}'`);
  }
}

const HAS_LETTER = /[A-Za-z]/;

function detectBearer(text: string, sink: Sink): void {
  let m: RegExpExecArray | null;
  BEARER.lastIndex = 0;
  while ((m = BEARER.exec(text))) {
    const val = m[1];
    if (!ASCII_DIGIT.test(val) || !HAS_LETTER.test(val)) continue;
    const start = m.index + m[0].length - val.length;
    sink.add("CREDENTIAL", start, start + val.length, 0.9, "bearer token");
  }
}

const COLON_OR_EQUALS = /[:=]/;
const CONDITION_WORD = /\b(?:om|if|när|when|hur|how|att|ska|should|måste|must)\b/i;
const ASCII_LETTER_OR_SWEDISH = /[A-Za-zåäö]/;
const ASCII_LOWER = /[a-z]/;
const ASCII_UPPER = /[A-Z]/;

/** endings of adjectives and participles: a state of the password ("utgånget", "ändrad", "giltigt", "svår", "tillfälligt") */
const STATE_ENDING = /(?:t|d|ad|at|ade|ande|ende|ig|iga|igt|lig|liga|ligt|isk|iskt|bar|bart|ed|ing|ble|ful|less|ous|ive)$/i;
/** the statement goes on after the value ("är kaffekopp" ends it; "är för kort" or "är inte bytt" does not) */
const ENDS_STATEMENT = /^[ \t]*(?:$|[.,;!?)\]"'”’]|\n|(?:och|and|men|but|så|so)\b)/i;

/** a plain lowercase or capitalised word given as the password by "lösenord: …" / "lösenordet är …" */
function plainWordPassword(text: string, m: RegExpExecArray, val: string): boolean {
  if (m[2]) return false; // words between keyword and value: "lösenordet till wifi är …" is read only with a shaped value
  if (!/^[A-Za-zÅÄÖåäö]{4,24}$/.test(val) || COMMON_VALUE.test(val)) return false;
  const colon = COLON_OR_EQUALS.test(m[3]);
  if (!colon && STATE_ENDING.test(val)) return false;
  return ENDS_STATEMENT.test(text.slice(m.index + m[0].length - m[4].length + val.length, m.index + m[0].length - m[4].length + val.length + 12));
}

/** one of the password patterns (PASSWORD_TEXT, PASSWORD_TO, PASSWORD_BARE): keyword, words between, value */
/** a user name given just before ("användarnamn skanner3, lösenord …", "user: jdoe, password …") */
const USERNAME_BEFORE = /(?:användarnamn(?:et)?|användar-?id|inloggning|username|user(?:\s?name)?|login)\s*(?:är\s+|is\s+|[:=]\s*)?[^\s,;]{2,40}[,;]?\s*(?:och\s+|and\s+)?$/i;

function detectPasswordsInText(text: string, sink: Sink, re: RegExp): void {
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while ((m = re.exec(text))) {
    if (isWordChar(text, m.index - 1)) continue;
    const kw = m[1].toLowerCase();
    const between = m[2] || "";
    // "pass" and "pin" are ordinary words: only with ':' or '=' right after
    if ((kw === "pass" || kw === "pin") && (between || !COLON_OR_EQUALS.test(m[3]))) continue;
    if (between !== "" && CONDITION_WORD.test(between)) continue;
    const val = trimValue(m[4]);
    if (val.length < 4) continue;
    if (!looksLikeSecret(val)) {
      // "lösenordet är kaffekopp", "lösen: vintersol": a plain word is the password when it ends the
      // statement and reads as a thing, not as a state of the password ("är bytt", "är för kort", "is required")
      // (also "användarnamn skanner3, lösenord blåbär": a bare keyword right after a user name gives a pair)
      const pair = re === PASSWORD_BARE && USERNAME_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index));
      if ((re !== PASSWORD_TEXT && !pair) || !plainWordPassword(text, m, val)) continue;
      const start = m.index + m[0].length - m[4].length;
      sink.add("CREDENTIAL", start, start + val.length, 0.8, "password written in the text (a plain word)");
      continue;
    }
    // a bare keyword ("lösenord Abc123!", "nyckeln är …") needs a value no sentence word has: letters and digits mixed
    if (re === PASSWORD_BARE && !(ASCII_DIGIT.test(val) && ASCII_LETTER_OR_SWEDISH.test(val)) && !(ASCII_LOWER.test(val) && ASCII_UPPER.test(val.slice(1)) && val.length >= 10)) continue;
    const start = m.index + m[0].length - m[4].length; // the value ends the match
    sink.add("CREDENTIAL", start, start + val.length, 0.92, "password written in the text");
  }
}

/**
 * "bytt lösenord två gånger, senast till Hjorten#Mars25", "nytt admin-lösen … det är Tr4ktor!Blå9":
 * a value shaped like a chosen password (letters, digits and a symbol) shortly after the keyword
 */
function detectShapedPasswords(text: string, sink: Sink): void {
  let m: RegExpExecArray | null;
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

/** [A-Za-z0-9_-]: what the keyword regex can read before its "lösen" (\w without the u flag, and '-') */
const isKeywordPrefixChar = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 45;

/**
 * the first keyword match starting at or after `from`, the same as a global scan from there: the
 * keyword regex tries every place, costly with its leading \w{0,8}, so it is tried only at the ten
 * places that can reach the next "lösen"/"passw"; a match further back would hold an earlier one.
 * A match starting before that core is \w{0,8}-?lösen, so only places followed by word characters
 * (or '-') up to the core are tried: after a space, just the core itself.
 */
export function nextPasswordKeyword(text: string, from: number): RegExpExecArray | null {
  let pos = from;
  for (;;) {
    PASSWORD_CORE.lastIndex = pos;
    const c = PASSWORD_CORE.exec(text);
    if (!c) return null;
    const o = c.index;
    let first = o;
    while (first > pos && o - first < 9 && isKeywordPrefixChar(text.charCodeAt(first - 1))) first--;
    for (let p = first; p <= o; p++) {
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

const URL_START = /^(?:https?:|www\.)/i;
const DATE_OR_NUMBER = /^[\d\s.:\/-]+$/;
const ANY_LETTER = /\p{L}/u;
const PASSWORD_SYMBOL = /[#!$%&*?+=€§]/;
const LOWERCASE = /\p{Ll}/u;
const UPPERCASE = /\p{Lu}/u;

/** letters, a digit and a symbol, or upper and lower case and a digit: chosen, not a word or a date */
function passwordShaped(v: string): boolean {
  if (v.length < 8 || URL_START.test(v) || v.includes("@") || DATE_OR_NUMBER.test(v)) return false;
  // a digit and a letter, then a symbol or mixed case (tested in that order: most words stop at the first)
  if (!ASCII_DIGIT.test(v) || !ANY_LETTER.test(v)) return false;
  return PASSWORD_SYMBOL.test(v) || (LOWERCASE.test(v) && UPPERCASE.test(v.slice(1)));
}
