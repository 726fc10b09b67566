// The dashboard's figures from stored records.
import * as assert from "node:assert/strict";
import { dashboardStats } from "../../src/tab/dashboard-stats";
import { testIncident } from "../support/tab-fixtures";
import type { StoredApproval } from "../../src/approvals/model";

const NOW = Date.parse("2026-12-08T12:00:00Z");
const H = 3600_000;

function approval(tool: string, status: StoredApproval["request"]["status"]): StoredApproval {
  return { request: { tool: { choice: "other", name: tool, class: "public" }, status } as StoredApproval["request"] };
}

describe("tab dashboard figures", () => {
  it("incidents per month by kind over the last 12 months (a report of two kinds counts for both; older ones drop out)", () => {
    const s = dashboardStats(
      [
        { incident: testIncident({ infoKinds: ["personal", "secret"] }, 2, NOW) },
        { incident: testIncident({ infoKinds: ["customer"] }, 24 * 20, NOW) },
        { incident: testIncident({ infoKinds: ["other"] }, 24 * 400, NOW) },
      ],
      [],
      NOW,
    );
    assert.equal(s.perMonth.length, 12);
    assert.equal(s.perMonth[11].month, "2026-12");
    assert.equal(s.perMonth[0].month, "2026-01");
    assert.deepEqual(s.perMonth[11].kinds, { personal: 1, sensitive: 0, secret: 1, customer: 0, other: 0 });
    assert.equal(s.perMonth[10].kinds.customer, 1);
    assert.equal(s.perMonth.reduce((n, m) => n + m.kinds.other, 0), 0);
  });

  it("time to close in buckets with the median; open personal-data incidents by hours left, overdue first", () => {
    const closed = (days: number) => ({ incident: testIncident({ status: "closed", statusChangedAt: new Date(NOW).toISOString() }, days * 24, NOW) });
    const s = dashboardStats(
      [
        closed(0.5), closed(2), closed(2.5), closed(10),
        // reported 80 h ago, discovered an hour before: 9 h overdue
        { incident: testIncident({}, 80, NOW), link: "https://contoso.sharepoint.com/x/1" },
        { incident: testIncident({}, 10, NOW) },
        { incident: testIncident({ infoKinds: ["secret"] }, 10, NOW) },
        { incident: testIncident({ status: "closed", statusChangedAt: new Date(NOW).toISOString() }, 80, NOW) },
      ],
      [],
      NOW,
    );
    assert.deepEqual(s.timeToClose.buckets.map((b) => b.count), [1, 2, 1, 1, 0]);
    assert.equal(s.timeToClose.closed, 5);
    assert.equal(s.timeToClose.medianDays, 2.5);
    assert.deepEqual(s.deadlines.map((d) => d.hoursLeft), [-9, 61]);
    assert.equal(s.deadlines[0].link, "https://contoso.sharepoint.com/x/1");
  });

  it("approval requests per tool, most requested first, by status", () => {
    const s = dashboardStats([], [approval("ChatGPT", "approved"), approval("chatgpt", "pending"), approval("Midjourney", "rejected")], NOW);
    assert.deepEqual(s.perTool, [
      { tool: "ChatGPT", total: 2, byStatus: { approved: 1, pending: 1 } },
      { tool: "Midjourney", total: 1, byStatus: { rejected: 1 } },
    ]);
  });
});
