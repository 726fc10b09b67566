// The tab's script: reads the page's data block, connects to the host (Teams or none), applies
// the theme, and mounts the page.
import type { TabPageData } from "../pages";
import { connectHost, type Theme } from "./host";
import { apiClient, ApiFailure } from "./api";
import { lookup, notice } from "./dom";
import { mountChecker } from "./checker";
import { mountPolicy } from "./policy-browser";
import { mountDashboard } from "./dashboard";
import { parseSectionRef } from "../deep-link";

type Table = { [key: string]: string | Table };
export interface PageData extends TabPageData {
  text: { tab: Table; types: Table; why: Table; verdict: Table; verdictLabel: Table; appliesTo: string };
}

function applyTheme(t: Theme): void {
  document.documentElement.dataset.theme = t;
}

async function start(): Promise<void> {
  const d = JSON.parse(document.getElementById("tab-data")!.textContent ?? "{}") as PageData;
  const root = document.getElementById("app")!;
  const tab = (key: string) => lookup(d.text.tab, key);
  let host;
  try {
    host = await connectHost(d.hostOrigins);
  } catch {
    notice(tab("mode.signInFailed"), "error");
    return;
  }
  applyTheme(host.theme);
  host.onThemeChange(applyTheme);
  if (!host.inTeams && d.sso) {
    // a production server opened in a plain browser: no SSO token, so only the checker works
    notice(tab("mode.openInTeams"));
    if (d.page !== "checker") {
      root.setAttribute("aria-busy", "false");
      document.body.dataset.ready = "true";
      return;
    }
  } else if (!host.inTeams) {
    document.body.classList.add("local");
    notice(tab("mode.local"));
  }
  const api = apiClient(host);
  // the admin link only for admins (the server decides on every admin call anyway)
  if (d.page !== "checker") {
    api.get<{ admin: boolean }>("/tab/api/me").then(
      (me) => {
        if (me.admin) document.querySelectorAll<HTMLElement>("[data-admin-link]").forEach((a) => (a.hidden = false));
      },
      () => undefined,
    );
  }
  try {
    if (d.page === "checker") mountChecker(root, d);
    else if (d.page === "policy") {
      const q = new URLSearchParams(location.search);
      const ref = parseSectionRef(host.subPageId ?? (q.get("section") ? `${q.get("pack") ? `${q.get("pack")}/` : ""}${q.get("section")}` : location.hash.slice(1)));
      await mountPolicy(root, d, api, ref.pack ?? q.get("pack") ?? d.pack.id, ref.section ?? null);
    }
    else await mountDashboard(root, d, api);
  } catch (e) {
    const code = e instanceof ApiFailure ? e.code : "error";
    notice(code === "offline" ? tab("mode.offline") : code === "forbidden" ? tab("admin.denied") : code === "unauthorized" || code === "signIn" ? tab("mode.signInFailed") : tab("mode.offline"), "error");
  } finally {
    root.setAttribute("aria-busy", "false");
    document.body.dataset.ready = "true";
    // time to interactive, for the bench (bench/tab.bench.ts)
    performance.mark("policybot:ready");
  }
}

void start();
