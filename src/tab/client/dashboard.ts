// The admin dashboard: incidents and approval requests from the configured stores (through
// the server, which checks the admin role or group on every call), filters, status changes
// written back, charts, and links to the SharePoint items.
import { fill, h, lookup, notice } from "./dom";
import { ApiFailure, type Api } from "./api";
import type { PageData } from "./main";
import { hBars, stackedBars } from "./charts";
import type { DashboardStats } from "../dashboard-stats";

interface IncidentRow { reference: string; reportedAt: string; tool: string; infoKinds: string[]; personalData: boolean; imyDeadline: string | null; status: string; link: string | null }
interface ApprovalRow { reference: string; requestedAt: string; tool: string; status: string; approver: string | null; link: string | null }

const INCIDENT_STATUSES = ["new", "investigating", "closed"];
const APPROVAL_STATUSES = ["pending", "escalated", "approved", "rejected", "expired"];
const KINDS = ["personal", "sensitive", "secret", "customer", "other"];

export async function mountDashboard(root: HTMLElement, d: PageData, api: Api): Promise<void> {
  const k = (key: string, vars?: Record<string, string | number>) => fill(lookup(d.text.tab, `admin.${key}`), vars);
  const date = (iso: string) => new Date(iso).toLocaleString(d.lang === "sv" ? "sv-SE" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  const charts = h("div", { class: "charts", id: "charts" });
  const incBody = h("tbody");
  const aprBody = h("tbody");
  const incStatus = select("inc-status", [["", k("all")], ...INCIDENT_STATUSES.map((s) => [s, k(`incidentStatus.${s}`)] as [string, string])]);
  const incPersonal = h("input", { type: "checkbox", id: "inc-personal" });
  const aprStatus = select("apr-status", [["", k("all")], ...APPROVAL_STATUSES.map((s) => [s, k(`approvalStatus.${s}`)] as [string, string])]);

  const loadStats = async () => {
    const s = await api.get<DashboardStats>("/tab/api/admin/stats");
    charts.replaceChildren(...drawCharts(s));
  };
  const loadIncidents = async () => {
    const q = new URLSearchParams();
    if (incStatus.value) q.set("status", incStatus.value);
    if (incPersonal.checked) q.set("personal", "true");
    const { incidents } = await api.get<{ incidents: IncidentRow[] }>(`/tab/api/admin/incidents?${q}`);
    incBody.replaceChildren(...(incidents.length ? incidents.map(incidentRow) : [emptyRow(7)]));
  };
  const loadApprovals = async () => {
    const q = new URLSearchParams();
    if (aprStatus.value) q.set("status", aprStatus.value);
    const { approvals } = await api.get<{ approvals: ApprovalRow[] }>(`/tab/api/admin/approvals?${q}`);
    aprBody.replaceChildren(...(approvals.length ? approvals.map(approvalRow) : [emptyRow(5)]));
  };

  const incidentRow = (r: IncidentRow) => {
    const status = select(`status-${r.reference}`, INCIDENT_STATUSES.map((s) => [s, k(`incidentStatus.${s}`)] as [string, string]), r.status);
    status.setAttribute("aria-label", `${k("status")} ${r.reference}`);
    status.addEventListener("change", async () => {
      try {
        const out = await api.post<{ reference: string; status: string }>(`/tab/api/admin/incidents/${encodeURIComponent(r.reference)}/status`, { status: status.value });
        notice(k("saved", { reference: out.reference, status: k(`incidentStatus.${out.status}`) }));
        await loadStats();
      } catch {
        status.value = r.status;
        notice(k("saveFailed"), "error");
      }
    });
    const left = r.imyDeadline && r.status !== "closed" ? Math.round((Date.parse(r.imyDeadline) - Date.now()) / 3600_000) : null;
    return h("tr", { "data-reference": r.reference },
      h("th", { scope: "row" }, r.reference),
      h("td", {}, date(r.reportedAt)),
      h("td", {}, r.tool),
      h("td", {}, r.infoKinds.map((x) => k(`kind.${x}`)).join(", ")),
      h("td", { class: left !== null && left < 0 ? "overdue" : "" }, r.imyDeadline ? `${date(r.imyDeadline)}${left === null ? "" : ` (${left < 0 ? k("overdue", { hours: -left }) : k("left", { hours: left })})`}` : "–"),
      h("td", {}, status),
      h("td", {}, r.link ? h("a", { href: r.link, target: "_blank", rel: "noopener noreferrer" }, k("link")) : "–"),
    );
  };
  const approvalRow = (r: ApprovalRow) =>
    h("tr", {},
      h("th", { scope: "row" }, r.reference),
      h("td", {}, date(r.requestedAt)),
      h("td", {}, r.tool),
      h("td", {}, k(`approvalStatus.${r.status}`)),
      h("td", {}, r.link ? h("a", { href: r.link, target: "_blank", rel: "noopener noreferrer" }, k("link")) : "–"),
    );

  const drawCharts = (s: DashboardStats): HTMLElement[] => {
    const months = s.perMonth.map((m) => m.month.slice(2).replace("-", "/"));
    const total = s.perMonth.reduce((n, m) => n + KINDS.reduce((x, kk) => x + (m.kinds as Record<string, number>)[kk], 0), 0);
    const out: HTMLElement[] = [
      stackedBars(k("chartPerMonth"), months, KINDS.map((x) => ({ key: x, label: k(`kind.${x}`) })), s.perMonth.map((m) => m.kinds as Record<string, number>), `${k("chartPerMonth")}: ${total}`),
      stackedBars(k("chartTimeToClose"), s.timeToClose.buckets.map((b) => b.label), [{ key: "closed", label: k("incidentStatus.closed") }], s.timeToClose.buckets.map((b) => ({ closed: b.count })),
        `${k("chartTimeToClose")}: ${s.timeToClose.closed}${s.timeToClose.medianDays === null ? "" : `, median ${s.timeToClose.medianDays} ${k("days")}`}`),
    ];
    out.push(s.deadlines.length
      ? hBars(k("chartDeadlines"), s.deadlines.map((x) => ({ label: x.reference, value: x.hoursLeft, cls: x.hoursLeft < 0 ? "s-overdue" : x.hoursLeft < 24 ? "s-soon" : "s-ok" })), `${k("chartDeadlines")}: ${s.deadlines.length}`, { min: 0, max: 72, marker: 0, unit: " h" })
      : h("figure", { class: "chart" }, h("figcaption", {}, k("chartDeadlines")), h("p", { class: "hint" }, k("chartEmpty"))));
    out.push(s.perTool.length
      ? hBars(k("chartPerTool"), s.perTool.slice(0, 10).map((x) => ({ label: x.tool, value: x.total, cls: "s-tool" })), `${k("chartPerTool")}: ${s.perTool.length}`)
      : h("figure", { class: "chart" }, h("figcaption", {}, k("chartPerTool")), h("p", { class: "hint" }, k("chartEmpty"))));
    return out;
  };

  // the first call says whether this user may see the dashboard at all: nothing is drawn before it
  await loadStats();
  root.append(
    charts,
    h("section", { "aria-labelledby": "inc-h" },
      h("h2", { id: "inc-h" }, k("incidents")),
      h("div", { class: "filters" }, h("label", { for: "inc-status" }, k("filterStatus")), incStatus, h("label", { class: "check" }, incPersonal, k("filterPersonal"))),
      h("div", { class: "table-wrap" }, h("table", { id: "incidents" },
        h("thead", {}, h("tr", {}, ...["reference", "reported", "tool", "kinds", "deadline", "status", "link"].map((c) => h("th", { scope: "col" }, k(c))))), incBody)),
    ),
    h("section", { "aria-labelledby": "apr-h" },
      h("h2", { id: "apr-h" }, k("approvals")),
      h("div", { class: "filters" }, h("label", { for: "apr-status" }, k("filterStatus")), aprStatus),
      h("div", { class: "table-wrap" }, h("table", { id: "approvals" },
        h("thead", {}, h("tr", {}, ...["reference", "requested", "tool", "status", "link"].map((c) => h("th", { scope: "col" }, k(c))))), aprBody)),
    ),
  );
  incStatus.addEventListener("change", () => void loadIncidents().catch(fail));
  incPersonal.addEventListener("change", () => void loadIncidents().catch(fail));
  aprStatus.addEventListener("change", () => void loadApprovals().catch(fail));
  await Promise.all([loadIncidents(), loadApprovals()]);

  function fail(e: unknown) {
    notice(e instanceof ApiFailure && e.code === "forbidden" ? k("denied") : lookup(d.text.tab, "mode.offline"), "error");
  }
  function emptyRow(cols: number) {
    return h("tr", {}, h("td", { colspan: cols, class: "hint" }, k("none")));
  }
}

function select(id: string, options: Array<[string, string]>, value = ""): HTMLSelectElement {
  const el = h("select", { id }, ...options.map(([v, label]) => h("option", { value: v }, label)));
  el.value = value;
  return el;
}
