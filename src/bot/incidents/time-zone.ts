// The user's time zone, and wall-clock date + time in that zone <-> an instant.
// Teams sends the client's IANA zone as activity.localTimezone (and in the clientInfo
// entity); a form's Input.Date/Input.Time values mean that zone's wall clock.
import { BoundedMap } from "../../util/bounded-map";

export const DEFAULT_TIME_ZONE = "Europe/Stockholm";

/** the zone if Intl knows it, else undefined */
export function validTimeZone(tz: unknown): string | undefined {
  if (typeof tz !== "string" || tz.length === 0 || tz.length > 64) return undefined;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    // the name as given: ICU would canonicalise some to older names (Asia/Kolkata -> Asia/Calcutta)
    return tz;
  } catch {
    return undefined;
  }
}

interface ActivityZone {
  localTimezone?: string;
  entities?: Array<{ type?: string; timezone?: unknown; [k: string]: unknown }>;
}

/** activity.localTimezone, else the clientInfo entity's timezone, else Europe/Stockholm */
export function userTimeZone(a: ActivityZone): string {
  const fromEntity = (a.entities ?? []).find((e) => e?.type === "clientInfo")?.timezone;
  return validTimeZone(a.localTimezone) ?? validTimeZone(fromEntity) ?? DEFAULT_TIME_ZONE;
}

// Formatters by canonical zone: Intl accepts any letter case ("europe/STOCKHOLM") and some
// aliases, and each spelling would otherwise hold a DateTimeFormat of its own (a quarter of a
// GB per 10 000 spellings). The spelling a request brings maps to its canonical zone in a
// small map of strings; both maps are bounded (least recently used goes first).
const ZONE_FORMATTERS = 64;
const ZONE_SPELLINGS = 256;
const fmtByZone = new BoundedMap<string, Intl.DateTimeFormat>({ max: ZONE_FORMATTERS });
const zoneOfSpelling = new BoundedMap<string, string>({ max: ZONE_SPELLINGS });

function partsFormatter(tz: string): Intl.DateTimeFormat {
  const known = zoneOfSpelling.get(tz);
  let f = known === undefined ? undefined : fmtByZone.get(known);
  if (f) return f;
  const made = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  // only the cache key is canonical: callers keep and show the name as given (see validTimeZone)
  const zone = made.resolvedOptions().timeZone;
  zoneOfSpelling.set(tz, zone);
  f = fmtByZone.get(zone);
  if (!f) fmtByZone.set(zone, (f = made));
  return f;
}

/** the formatter and spelling caches' sizes (tests check their bounds) */
export function zoneCacheSizes(): { formatters: number; spellings: number } {
  return { formatters: fmtByZone.size, spellings: zoneOfSpelling.size };
}

/** the zone's offset from UTC at this instant, in ms (Stockholm in winter: +3 600 000) */
export function zoneOffsetMs(tz: string, utcMs: number): number {
  const f = partsFormatter(tz);
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::\d{2})?$/;

/**
 * "2026-03-02" + "07:30" in the zone -> "2026-03-02T07:30+01:00" (the wall clock kept, the
 * offset the zone had then). undefined when the parts are not date/time shaped; an
 * impossible date (30 February) is passed on as written so the service calls it invalid.
 * In the hour a DST change skips or repeats, one of the offsets next to it is used (the
 * report is about when roughly, and the zone is shown on every time the card prints).
 */
export function wallClockToIso(date: string, time: string, tz: string): string | undefined {
  const d = DATE.exec(date.trim());
  const t = TIME.exec(time.trim());
  if (!d || !t) return undefined;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return undefined;
  let offset = zoneOffsetMs(tz, wall - zoneOffsetMs(tz, wall));
  // a second pass settles the instants next to a DST change
  const again = zoneOffsetMs(tz, wall - offset);
  if (again !== offset) offset = Math.max(offset, again);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset) / 60000;
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${d[0]}T${t[1]}:${t[2]}${sign}${hh}:${mm}`;
}

/** an instant as the date and time the user reads: "måndag 2 mars 2026 10:15 CET" */
export function formatInstant(iso: string, tz: string, lang: "sv" | "en"): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    timeZone: tz,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(ms));
}

/** today's date in the zone, "YYYY-MM-DD" (the date picker's max) */
export function todayIn(tz: string, nowMs: number): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(nowMs));
}
