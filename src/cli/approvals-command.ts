// `policybot approvals list|show|decide|pending-sync`: the admin's view of AI-tool requests
// and decisions, for the local store and SharePoint alike (APPROVAL_STORE picks).
import type { Command } from "commander";
import { loadConfig, type Config } from "../config";
import { APPROVAL_STATUSES, type ApprovalRequest, type ApprovalStatus, type StoredApproval } from "../approvals/model";
import { cleanLine, cleanMultiline } from "../incidents/sanitize";
import { openApprovalStack, type ApprovalStack } from "../m365/approval-stack";
import { cliCardUpdates } from "../bot/approvals/cli-card-updates";
import type { CardUpdateResult } from "../bot/approvals/card-updates";
import { loadPolicyLibrary } from "../policy/library";

/** writes a request's state into its cards in Teams (the requester's, the approver's, an admin's) */
export type CardUpdater = (config: Config, stack: ApprovalStack, request: ApprovalRequest) => Promise<CardUpdateResult[]>;

const updateCardsInTeams: CardUpdater = (config, stack, request) => {
  const organisation = (id: string) => {
    try {
      return loadPolicyLibrary({ extraDir: config.policy.extraDir }).get(id).facts.organisation.name;
    } catch {
      return id;
    }
  };
  return cliCardUpdates(config, stack.conversations, organisation).update(request);
};

export interface ApprovalsCommandDeps {
  config?: () => Config;
  open?: (config: Config) => Promise<ApprovalStack>;
  /** default: through the Bot Connector, as the bot */
  updateCards?: CardUpdater;
  out?: (line: string) => void;
  exit?: (code: number) => void;
}

const STATUS_WORDS: Record<string, ApprovalStatus> = {
  pending: "pending", väntar: "pending", escalated: "escalated", eskalerad: "escalated", approved: "approved", godkänd: "approved",
  rejected: "rejected", avslagen: "rejected", expired: "expired", utgången: "expired",
};

export function parseApprovalStatus(s: string): ApprovalStatus {
  const st = STATUS_WORDS[s.trim().toLowerCase()];
  if (!st) throw new Error(`unknown status "${cleanLine(s).slice(0, 40)}": use ${APPROVAL_STATUSES.join(", ")} (or väntar, godkänd, avslagen, utgången, eskalerad)`);
  return st;
}

export function registerApprovalsCommand(program: Command, deps: ApprovalsCommandDeps = {}): void {
  const out = deps.out ?? ((l: string) => void process.stdout.write(`${l}\n`));
  const exit = deps.exit ?? ((code: number) => void (process.exitCode = code));
  const withStack = async (fn: (s: ApprovalStack, config: Config) => Promise<void>) => {
    const config = (deps.config ?? (() => loadConfig()))();
    const stack = await (deps.open ?? ((c: Config) => openApprovalStack(c)))(config);
    try {
      await fn(stack, config);
    } finally {
      await stack.close();
    }
  };

  const cmd = program.command("approvals").description("requests to use AI tools and the managers' decisions (local store or the SharePoint list, from APPROVAL_STORE)");

  cmd
    .command("list")
    .description("newest requests first")
    .option("--status <status>", "pending, escalated, approved, rejected or expired")
    .option("--approver <objectId>", "requests this person decides")
    .option("--limit <n>", "how many", "50")
    .option("--json", "one JSON object per line")
    .action((o: { status?: string; approver?: string; limit: string; json?: boolean }) =>
      withStack(async ({ service }) => {
        const limit = Number.parseInt(o.limit, 10);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error("--limit must be 1..1000");
        const rows = await service.list({ status: o.status ? parseApprovalStatus(o.status) : undefined, approverObjectId: o.approver?.trim() || undefined, limit });
        if (o.json) return rows.forEach((r) => out(JSON.stringify(r)));
        if (!rows.length) return out("no requests");
        for (const r of rows) out(summaryLine(r.request));
      }),
    );

  cmd
    .command("show <reference>")
    .description("one request by reference (APR-...) or id")
    .option("--json", "as JSON")
    .action((ref: string, o: { json?: boolean }) =>
      withStack(async ({ service }) => {
        const s = await service.get(ref);
        if (!s) {
          out(`no request ${cleanLine(ref).slice(0, 60)}`);
          return exit(1);
        }
        if (o.json) return out(JSON.stringify(s, null, 2));
        for (const l of details(s)) out(l);
      }),
    );

  cmd
    .command("decide <reference> <decision>")
    .description("decide an open request as an administrator: approve or reject (a request whose approver cannot be reached waits for this)")
    .option("--comment <text>", "why (required to reject)")
    .option("--as <objectId>", "the administrator deciding (default: APPROVAL_ADMIN_ID)")
    .action((ref: string, decisionWord: string, o: { comment?: string; as?: string }) =>
      withStack(async (stack, config) => {
        const { service, directory } = stack;
        const decision = parseDecisionWord(decisionWord);
        const adminId = (o.as ?? config.approvals.roles.admin ?? "").trim();
        if (!adminId) throw new Error("no administrator: set APPROVAL_ADMIN_ID or pass --as <objectId>");
        const admin = await directory.user(adminId);
        if (!admin) throw new Error(`no user ${cleanLine(adminId).slice(0, 60)} in the directory`);
        const s = await service.get(ref);
        if (!s) {
          out(`no request ${cleanLine(ref).slice(0, 60)}`);
          return exit(1);
        }
        let r = s.request;
        // the decision is the admin's own: the request is routed to them first (recorded as such)
        if (r.approver?.objectId !== admin.objectId) {
          const assigned = await service.assign(r.id, admin.objectId, "admin");
          if (!assigned.ok) {
            out(`${r.reference}: not decided (${assigned.code})`);
            return exit(1);
          }
          r = assigned.request;
        }
        const res = await service.decide({ requestId: r.id, decision, comment: o.comment ?? "", token: service.decisionToken(r) }, admin);
        if (res.status !== "decided") {
          out(`${r.reference}: not decided (${res.status === "refused" ? res.code : res.issues.map((i) => `${i.field} ${i.code}`).join(", ")})`);
          return exit(1);
        }
        out(`${res.request.reference}  ${res.request.status} by ${cleanLine(admin.name)}${res.recorded ? "" : "  (not yet in the store: see pending-sync)"}`);
        // the people's cards in Teams say so, as after a decision in Teams
        let updated: CardUpdateResult[];
        try {
          updated = await (deps.updateCards ?? updateCardsInTeams)(config, stack, res.request);
        } catch (e) {
          return out(`  cards in Teams: not updated (${e instanceof Error ? e.name : "error"})`);
        }
        if (!updated.length) out("  no cards in Teams to update");
        for (const u of updated) out(`  ${u.card}'s card in Teams: ${u.ok ? "updated" : `not updated (${u.code})`}`);
      }),
    );

  cmd
    .command("pending-sync")
    .description("requests whose latest change is not yet in the store (SharePoint unreachable), and try them now")
    .action(() =>
      withStack(async ({ service }) => {
        const r = await service.recorder.drainOnce({ all: true });
        out(`recorded ${r.recorded}, failed ${r.failed}, still waiting ${r.remaining}`);
        for (const d of await service.recorder.behind()) out(`${d.request.reference}  revision ${d.request.revision} (store has ${d.sync.recorded})  attempts ${d.sync.attempts}  ${d.sync.lastError ?? ""}`);
        if (r.remaining) exit(2);
      }),
    );
}

const DECISION_WORDS: Record<string, "approve" | "reject"> = { approve: "approve", godkänn: "approve", godkann: "approve", reject: "reject", avslå: "reject", avsla: "reject" };

export function parseDecisionWord(s: string): "approve" | "reject" {
  const d = DECISION_WORDS[s.trim().toLowerCase()];
  if (!d) throw new Error(`unknown decision "${cleanLine(s).slice(0, 40)}": use approve or reject (or godkänn, avslå)`);
  return d;
}

export function summaryLine(r: ApprovalRequest): string {
  const who = r.approver ? `${r.approver.name} (${r.approver.slot})` : "no approver";
  return [r.reference, r.requestedAt.slice(0, 10), r.status.padEnd(9), cleanLine(r.tool.name).slice(0, 40), `by ${cleanLine(r.requester.name)}`, `-> ${cleanLine(who)}`, r.routingCode ? `[${r.routingCode}]` : ""].join("  ").trimEnd();
}

export function details(s: StoredApproval): string[] {
  const r = s.request;
  const lines = [
    `${r.reference}  ${r.status}`,
    `requested   ${r.requestedAt} by ${cleanLine(r.requester.name)}${r.requester.upn ? ` <${r.requester.upn}>` : ""}`,
    `tool        ${cleanLine(r.tool.name)} (${r.tool.class})${r.purchase ? ", to be bought" : ""}`,
    `information ${r.infoKinds.join(", ")}`,
    `period      ${r.validFrom.slice(0, 10)} - ${r.validUntil.slice(0, 10)}`,
    `policy      ${r.policyPack} (${r.rule.basis}: ${r.rule.role})`,
    ...r.rule.citations.map((c) => `  "${cleanLine(c.quote)}" (${c.section}${c.rule ? ` ${c.rule}` : ""})`),
    ...(r.alsoRequired.length ? ["also        ", ...r.alsoRequired.map((c) => `  "${cleanLine(c.quote)}" (${c.section})`)] : []),
    `approver    ${r.approver ? `${cleanLine(r.approver.name)} (${r.approver.slot})` : "none"}${r.routingCode ? `  waiting for an admin: ${r.routingCode}` : ""}`,
    `expires     ${r.expiresAt}`,
  ];
  if (r.remindedAt) lines.push(`reminded    ${r.remindedAt}`);
  if (r.escalatedAt) lines.push(`escalated   ${r.escalatedAt}${r.escalatedTo ? ` to ${cleanLine(r.escalatedTo.name)}` : ""}`);
  if (r.decision) lines.push(`decision    ${r.decision.outcome} by ${cleanLine(r.decision.by.name)} at ${r.decision.at}`, ...(r.decision.comment ? [`comment     ${cleanMultiline(r.decision.comment).replace(/\n/g, "\n            ")}`] : []));
  lines.push("purpose", ...cleanMultiline(r.purpose).split("\n").map((l) => `  ${l}`));
  if (s.link) lines.push(`link        ${s.link}`);
  return lines;
}
