// npm run provision:sharepoint [-- --list incidents|approvals] [--dry-run] [--views] [--print-views]
// Creates or updates the SharePoint lists from infra/sharepoint/*.list.json on
// SHAREPOINT_SITE through Graph (idempotent: a second run changes nothing). --views also
// creates or updates the list views through SharePoint's REST API (Graph has no API for
// views), which takes app-only tokens only from a certificate; --print-views prints them
// as CLI for Microsoft 365 commands instead. Needs the app's Sites.Selected grant with the
// "manage" or "fullcontrol" role on the site (infra/sharepoint/README.md).
import { loadConfig } from "../src/config";
import { systemClock } from "../src/incidents/clock";
import { createGraphClient } from "../src/m365/graph-client";
import { graphCredentials } from "../src/m365/incident-stack";
import { loadListSchema, type ListKey } from "../src/m365/list-schema";
import { provisionList } from "../src/m365/provisioning";
import { call, sitePath } from "../src/m365/sharepoint-list";
import { provisionViews, SharePointRest } from "../src/m365/sharepoint-views";
import { createTokenProvider } from "../src/m365/token";
import { viewCommands } from "../src/m365/views";

export async function main(argv: string[]): Promise<number> {
  const args = new Set(argv);
  const listArg = argv[argv.indexOf("--list") + 1];
  const keys: ListKey[] = argv.includes("--list") ? [listArg as ListKey] : ["incidents", "approvals"];
  if (keys.some((k) => k !== "incidents" && k !== "approvals")) {
    process.stderr.write("--list must be incidents or approvals\n");
    return 2;
  }
  const config = loadConfig();
  if (!config.sharepoint.site) {
    process.stderr.write("set SHAREPOINT_SITE (e.g. contoso.sharepoint.com:/sites/ai) and the GRAPH_* app settings, see .env.example\n");
    return 2;
  }
  if (args.has("--views") && !config.graph.certPath) {
    process.stderr.write(
      "--views needs a certificate: SharePoint's REST API (the only API for list views) refuses app-only tokens obtained with a client secret. " +
        "Set GRAPH_CLIENT_CERT_PATH (infra/sharepoint/README.md), or use --print-views to get the views as m365 commands to run by hand.\n",
    );
    return 2;
  }
  const names: Record<ListKey, string> = { incidents: config.sharepoint.incidentsList, approvals: config.sharepoint.approvalsList };
  const credentials = graphCredentials(config);
  const client = createGraphClient({ baseUrl: config.graph.baseUrl, tokens: createTokenProvider(credentials), clock: systemClock, retry: { timeoutMs: config.graph.timeoutMs, budgetMs: 60_000 } });
  let rest: SharePointRest | undefined;
  if (args.has("--views")) {
    // the site's own URL from Graph; SHAREPOINT_REST_URL replaces its scheme and host (tests)
    const web = new URL((await call<{ webUrl: string }>("GET", () => client.api(sitePath(config.sharepoint.site)).select("id,webUrl").get())).webUrl);
    const tokens = createTokenProvider({ ...credentials, scope: `${web.origin}/.default` });
    rest = new SharePointRest({ siteUrl: `${config.sharepoint.restUrl || web.origin}${web.pathname}`, tokens, timeoutMs: config.graph.timeoutMs });
  }
  let conflicts = 0;
  for (const key of keys) {
    const schema = loadListSchema(key);
    const r = await provisionList(client, config.sharepoint.site, schema, { dryRun: args.has("--dry-run"), listName: names[key] });
    conflicts += r.conflicts.length;
    const would = args.has("--dry-run") ? " (dry run: nothing changed)" : "";
    process.stdout.write(
      [
        `${r.list}: ${r.listCreated ? "list created" : "list exists"}${would}`,
        `  columns created: ${r.created.join(", ") || "none"}`,
        `  columns updated: ${r.updated.join(", ") || "none"}`,
        `  columns unchanged: ${r.unchanged.length}`,
        ...r.conflicts.map((c) => `  CONFLICT (fix by hand): ${c}`),
        `  Graph writes: ${r.writes}`,
        "",
      ].join("\n") + "\n",
    );
    if (rest) {
      const v = await provisionViews(rest, r.listId, schema, { dryRun: args.has("--dry-run") });
      process.stdout.write(
        [
          `  views created: ${v.created.join(", ") || "none"}`,
          `  views updated: ${v.updated.join(", ") || "none"}`,
          `  views unchanged: ${v.unchanged.length}`,
          `  SharePoint REST writes: ${v.writes}`,
          "",
        ].join("\n") + "\n",
      );
    }
    if (args.has("--print-views")) {
      const web = `https://${config.sharepoint.site.replace(":/", "/").replace(/,.*$/, "")}`;
      process.stdout.write(`# views for ${names[key]} (CLI for Microsoft 365; Graph has no view API)\n${viewCommands(schema, web, names[key]).join("\n")}\n\n`);
    }
  }
  return conflicts ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`provision-sharepoint: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
