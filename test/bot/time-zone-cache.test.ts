// The time-zone formatter cache is keyed by the canonical zone and bounded: Intl accepts
// every letter case of a zone ("europe/STOCKHOLM"), and each spelling used to keep a
// DateTimeFormat of its own (issue 10, finding 6: +253 MB per 10 000 spellings).
import assert from "node:assert/strict";
import { userTimeZone, validTimeZone, wallClockToIso, zoneCacheSizes, zoneOffsetMs } from "../../src/bot/incidents/time-zone";

/** the i-th letter-case variant of a zone name (bit n of i: letter n upper case) */
function caseVariant(zone: string, i: number): string {
  let n = 0;
  return [...zone].map((c) => (/[a-z]/i.test(c) ? ((i >> n++) & 1 ? c.toUpperCase() : c.toLowerCase()) : c)).join("");
}

/** the zone's offset at an instant, worked out without the module's cache */
function offsetByIntl(tz: string, ms: number): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" }).formatToParts(new Date(ms)).find((p) => p.type === "timeZoneName")!.value;
  const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name)!;
  return m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

describe("time-zone formatter cache (bounded, by canonical zone)", () => {
  const WINTER = Date.parse("2026-01-15T12:00:00Z");
  const SUMMER = Date.parse("2026-07-15T12:00:00Z");

  it("10 000 letter-case variants of Europe/Stockholm: the caches stay within their bounds and every time is right", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const tz = caseVariant("Europe/Stockholm", i);
      seen.add(tz);
      // Teams would send it as the activity's zone: it is valid, and kept as given
      assert.equal(userTimeZone({ localTimezone: tz }), tz);
      assert.equal(zoneOffsetMs(tz, WINTER), 3_600_000, tz);
      if (i % 97 === 0) {
        assert.equal(zoneOffsetMs(tz, SUMMER), 7_200_000, tz);
        assert.equal(wallClockToIso("2026-03-02", "07:30", tz), "2026-03-02T07:30+01:00");
      }
      const sizes = zoneCacheSizes();
      assert.ok(sizes.formatters <= 64, `formatters: ${sizes.formatters}`);
      assert.ok(sizes.spellings <= 256, `spellings: ${sizes.spellings}`);
    }
    assert.equal(seen.size, 10_000);
  });

  it("every zone Intl knows, through the bounded cache: offsets agree with Intl's own (evicted zones come back right)", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    assert.ok(zones.length > 64, "more zones than the cache holds");
    for (const round of [0, 1]) {
      for (const tz of zones) {
        for (const ms of [WINTER, SUMMER]) assert.equal(zoneOffsetMs(tz, ms), offsetByIntl(tz, ms), `${tz} (round ${round})`);
      }
      assert.ok(zoneCacheSizes().formatters <= 64);
    }
  });

  it("an alias is kept as given for display, and formats as its canonical zone", () => {
    // ICU's canonical name for Asia/Kolkata is Asia/Calcutta: the user still sees the name Teams sent
    assert.equal(validTimeZone("Asia/Kolkata"), "Asia/Kolkata");
    assert.equal(wallClockToIso("2026-03-02", "07:30", "Asia/Kolkata"), "2026-03-02T07:30+05:30");
    assert.equal(wallClockToIso("2026-03-02", "07:30", "asia/KOLKATA"), "2026-03-02T07:30+05:30");
    assert.equal(wallClockToIso("2026-07-02", "07:30", "US/Eastern"), "2026-07-02T07:30-04:00");
    assert.equal(wallClockToIso("2026-07-02", "07:30", "america/new_york"), "2026-07-02T07:30-04:00");
  });
});
