// The admin dashboard's figures, from the stores' records: pure, so the charts' numbers are
// tested directly. Incidents per month by kind of information, time to close, open
// personal-data incidents against their 72-hour IMY deadline, approval requests per tool.
import type { StoredApproval } from "../approvals/model";
import type { InfoKind, StoredIncident } from "../incidents/model";
import { INFO_KINDS } from "../incidents/model";

export interface DashboardStats {
  /** the last 12 months, oldest first: "2026-01" and a count per kind (a report of two kinds counts for both) */
  perMonth: Array<{ month: string; kinds: Record<InfoKind, number> }>;
  /** closed incidents: days from report to closing, in buckets, and the median */
  timeToClose: { buckets: Array<{ label: string; count: number }>; medianDays: number | null; closed: number };
  /** open personal-data incidents, the most urgent first: hours left (negative: overdue) */
  deadlines: Array<{ reference: string; hoursLeft: number; status: string; link?: string }>;
  /** requests per tool name, by status */
  perTool: Array<{ tool: string; total: number; byStatus: Record<string, number> }>;
}

const DAY_MS = 24 * 3600 * 1000;
export const CLOSE_BUCKETS: Array<{ label: string; maxDays: number }> = [
  { label: "<1", maxDays: 1 },
  { label: "1–3", maxDays: 3 },
  { label: "3–7", maxDays: 7 },
  { label: "7–30", maxDays: 30 },
  { label: ">30", maxDays: Infinity },
];

function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export function dashboardStats(incidents: StoredIncident[], approvals: StoredApproval[], nowMs: number): DashboardStats {
  const months: string[] = [];
  const d = new Date(nowMs);
  for (let i = 11; i >= 0; i--) months.push(monthOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1)));
  const perMonth = months.map((month) => ({ month, kinds: Object.fromEntries(INFO_KINDS.map((k) => [k, 0])) as Record<InfoKind, number> }));
  const byMonth = new Map(perMonth.map((m) => [m.month, m]));
  const closeDays: number[] = [];
  const deadlines: DashboardStats["deadlines"] = [];
  for (const { incident: inc, link } of incidents) {
    const m = byMonth.get(monthOf(Date.parse(inc.reportedAt)));
    if (m) for (const k of new Set(inc.infoKinds)) m.kinds[k]++;
    if (inc.status === "closed" && inc.statusChangedAt) closeDays.push(Math.max(0, (Date.parse(inc.statusChangedAt) - Date.parse(inc.reportedAt)) / DAY_MS));
    if (inc.personalData && inc.status !== "closed" && inc.imyDeadline) {
      deadlines.push({ reference: inc.reference, hoursLeft: Math.round((Date.parse(inc.imyDeadline) - nowMs) / 3600_000), status: inc.status, link });
    }
  }
  deadlines.sort((a, b) => a.hoursLeft - b.hoursLeft);
  closeDays.sort((a, b) => a - b);
  const buckets = CLOSE_BUCKETS.map((b) => ({ label: b.label, count: 0 }));
  for (const days of closeDays) buckets[CLOSE_BUCKETS.findIndex((b) => days < b.maxDays)].count++;
  const median = closeDays.length === 0 ? null : closeDays.length % 2 ? closeDays[(closeDays.length - 1) / 2] : (closeDays[closeDays.length / 2 - 1] + closeDays[closeDays.length / 2]) / 2;

  const tools = new Map<string, { tool: string; total: number; byStatus: Record<string, number> }>();
  for (const { request } of approvals) {
    const name = request.tool.name.trim() || request.tool.choice;
    const key = name.toLowerCase();
    let t = tools.get(key);
    if (!t) tools.set(key, (t = { tool: name, total: 0, byStatus: {} }));
    t.total++;
    t.byStatus[request.status] = (t.byStatus[request.status] ?? 0) + 1;
  }
  const perTool = [...tools.values()].sort((a, b) => b.total - a.total || a.tool.localeCompare(b.tool));
  return { perMonth, timeToClose: { buckets, medianDays: median === null ? null : Math.round(median * 10) / 10, closed: closeDays.length }, deadlines, perTool };
}
