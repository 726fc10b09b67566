// `policybot incidents list|show|set-status|pending|drain`: the admin's view of incident
// reports, for the local store and SharePoint alike (INCIDENT_STORE picks).
import * as os from "node:os";
import type { Command } from "commander";
import { loadConfig, type Config } from "../config";
import { STATUSES, type Incident, type IncidentStatus, type StoredIncident } from "../incidents/model";
import { cleanMultiline, cleanLine } from "../incidents/sanitize";
import { openIncidentStack, type IncidentStack } from "../m365/incident-stack";

export interface IncidentsCommandDeps {
  /** defaults to loadConfig() */
  config?: () => Config;
  /** defaults to openIncidentStack(config) */
  open?: (config: Config) => IncidentStack;
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** defaults to setting process.exitCode */
  exit?: (code: number) => void;
}

const STATUS_WORDS: Record<string, IncidentStatus> = { new: "new", ny: "new", investigating: "investigating", utreds: "investigating", closed: "closed", avslutad: "closed" };

export function parseStatus(s: string): IncidentStatus {
  const st = STATUS_WORDS[s.trim().toLowerCase()];
  if (!st) throw new Error(`unknown status "${cleanLine(s).slice(0, 40)}": use ${STATUSES.join(", ")} (or ny, utreds, avslutad)`);
  return st;
}

export function registerIncidentsCommand(program: Command, deps: IncidentsCommandDeps = {}): void {
  const out = deps.out ?? ((l: string) => void process.stdout.write(`${l}\n`));
  const err = deps.err ?? ((l: string) => void process.stderr.write(`${l}\n`));
  const exit = deps.exit ?? ((code: number) => void (process.exitCode = code));
  const withStack = async (fn: (s: IncidentStack) => Promise<void>) => {
    const config = (deps.config ?? (() => loadConfig()))();
    const stack = (deps.open ?? ((c: Config) => openIncidentStack(c)))(config);
    try {
      await fn(stack);
    } finally {
      stack.close();
    }
  };

  const cmd = program.command("incidents").description("incident reports (local store or the SharePoint list, from INCIDENT_STORE)");

  cmd
    .command("list")
    .description("newest reports first")
    .option("--status <status>", "new, investigating or closed")
    .option("--personal", "personal-data incidents only")
    .option("--limit <n>", "how many", "50")
    .option("--json", "one JSON object per line")
    .action((o: { status?: string; personal?: boolean; limit: string; json?: boolean }) =>
      withStack(async ({ service }) => {
        const limit = Number.parseInt(o.limit, 10);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error("--limit must be 1..1000");
        const rows = await service.list({ status: o.status ? parseStatus(o.status) : undefined, personalData: o.personal ? true : undefined, limit });
        if (o.json) return rows.forEach((r) => out(JSON.stringify(r)));
        if (!rows.length) return out("no incidents");
        for (const r of rows) out(summaryLine(r.incident));
      }),
    );

  cmd
    .command("show <reference>")
    .description("one report in full (reference INC-... or id)")
    .option("--json", "as JSON")
    .action((ref: string, o: { json?: boolean }) =>
      withStack(async ({ service }) => {
        const r = await service.get(ref);
        if (!r) {
          err(`no incident ${cleanLine(ref).slice(0, 60)}`);
          exit(1);
          return;
        }
        if (o.json) out(JSON.stringify(r));
        else details(r).forEach((l) => out(l));
      }),
    );

  cmd
    .command("set-status <reference> <status>")
    .description("new | investigating | closed (ny | utreds | avslutad)")
    .option("--by <name>", "who changes it", userName())
    .action((ref: string, status: string, o: { by: string }) =>
      withStack(async ({ service }) => {
        const st = parseStatus(status);
        const r = await service.setStatus(ref, st, o.by);
        if (!r) {
          err(`no incident ${cleanLine(ref).slice(0, 60)}`);
          exit(1);
          return;
        }
        out(`${r.incident.reference}: ${r.incident.status}`);
      }),
    );

  cmd
    .command("pending")
    .description("reports saved locally and not yet filed to SharePoint")
    .action(() =>
      withStack(async ({ service }) => {
        const p = await service.pending();
        if (!p.length) return out("nothing pending");
        for (const e of p) out(`${e.reference}  attempts ${e.attempts}  next ${new Date(e.nextAttemptAt).toISOString()}  ${cleanLine(e.lastError ?? "")}`);
      }),
    );

  cmd
    .command("drain")
    .description("file pending reports now")
    .action(() =>
      withStack(async ({ service }) => {
        if (!service.drainer) return out("the local store has no outbox");
        const r = await service.drainer.drainOnce({ all: true });
        out(`filed ${r.filed}, failed ${r.failed}, still pending ${r.remaining}`);
        if (r.remaining) exit(1);
      }),
    );
}

function summaryLine(i: Incident): string {
  const pd = i.personalData ? ` PUI, IMY ${i.imyDeadline?.slice(0, 16).replace("T", " ")}Z` : "";
  return `${i.reference}  ${i.reportedAt.slice(0, 10)}  ${i.status.padEnd(13)} ${cleanLine(i.tool).slice(0, 30)}${pd}`;
}

function details(r: StoredIncident): string[] {
  const i = r.incident;
  const line = (k: string, v: string | number | undefined) => (v === undefined || v === "" ? [] : [`${k.padEnd(22)} ${cleanLine(String(v))}`]);
  const block = (k: string, v: string | undefined) => (v ? [`${k}:`, ...cleanMultiline(v).split("\n").map((l) => `  ${l}`)] : []);
  return [
    ...line("reference", i.reference),
    ...line("id", i.id),
    ...line("status", i.status),
    ...line("policy", i.policyPack),
    ...line("reporter", `${i.reporter.name}${i.reporter.upn ? ` <${i.reporter.upn}>` : ""}`),
    ...line("occurred", i.occurredAt),
    ...line("discovered", i.discoveredAt),
    ...line("ended", i.endedAt),
    ...line("reported", i.reportedAt),
    ...line("tool", i.tool),
    ...line("information", i.infoKinds.join(", ")),
    ...line("people affected", i.peopleAffected),
    ...line("personal data", i.personalData ? "yes" : "no"),
    ...line("IMY deadline", i.imyDeadline),
    ...line("severity", i.severity),
    ...line("subjects informed", i.subjectsInformedAt),
    ...line("status changed", i.statusChangedAt ? `${i.statusChangedAt} by ${i.statusChangedBy ?? "?"}` : undefined),
    ...line("link", r.link),
    ...block("groups of people", i.dataSubjects),
    ...block("what happened", i.description),
    ...block("actions taken", i.actionsTaken),
    ...block("likely consequences", i.likelyConsequences),
    ...block("informing the people", i.subjectsInformedNote),
  ];
}

function userName(): string {
  try {
    return os.userInfo().username || "admin";
  } catch {
    return "admin";
  }
}
