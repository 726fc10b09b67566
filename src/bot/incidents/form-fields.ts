// Card inputs -> the incident service's form fields. Dates and times are the user's
// wall clock in their time zone; the service gets ISO 8601 with that zone's offset.
import type { FormInputs } from "./submits";
import { wallClockToIso } from "./time-zone";

/** the tool choice meaning "another tool: see the text field" */
export const OTHER_TOOL = "__other";

/** a value the service rejects as "invalid" (a time without a date, a date that is no date) */
const NOT_A_DATE = "invalid";

/**
 * date + time -> ISO, or undefined when both are empty. A date without a time means
 * 00:00, except where the time is required (when it happened: the card asks for it).
 */
function instant(date: string | undefined, time: string | undefined, tz: string, timeRequired: boolean): string | undefined {
  const d = date?.trim() ?? "";
  const t = time?.trim() ?? "";
  if (!d && !t) return undefined;
  if (!d) return NOT_A_DATE;
  if (!t) return timeRequired ? undefined : (wallClockToIso(d, "00:00", tz) ?? NOT_A_DATE);
  return wallClockToIso(d, t, tz) ?? NOT_A_DATE;
}

/** the fields the service validates (what the reporter wrote, nothing else) */
export function toServiceFields(i: FormInputs, tz: string): Record<string, unknown> {
  const chosen = i.tool?.trim() ?? "";
  const other = i.toolOther ?? "";
  // what the user typed names the tool more precisely than the list, so it wins
  const tool = chosen === "" || chosen === OTHER_TOOL || other.trim() !== "" ? other : chosen;
  const f: Record<string, unknown> = {
    occurredAt: instant(i.occurredDate, i.occurredTime, tz, true),
    discoveredAt: instant(i.discoveredDate, i.discoveredTime, tz, false),
    endedAt: instant(i.endedDate, i.endedTime, tz, false),
    tool,
    infoKinds: i.infoKinds ?? "",
    peopleAffected: i.peopleAffected,
    description: i.description,
    actionsTaken: i.actionsTaken,
    dataSubjects: i.dataSubjects,
    likelyConsequences: i.likelyConsequences,
    severity: i.severity,
    subjectsInformedAt: instant(i.informedDate, i.informedTime, tz, false),
    subjectsInformedNote: i.subjectsInformedNote,
  };
  for (const k of Object.keys(f)) if (f[k] === undefined) delete f[k];
  return f;
}
