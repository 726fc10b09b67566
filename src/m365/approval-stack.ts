// Builds the approval service from config: the one place that picks the ApprovalStore
// (SQLite / SharePoint), the Directory (file / Graph) and the StateStore (SQLite / Blob).
// app.ts (the bot) and the CLI both call this.
import * as path from "node:path";
import type { Config } from "../config";
import { ApprovalService, type ApprovalServiceOptions } from "../approvals/service";
import type { ApprovalStore } from "../approvals/store";
import type { Directory, DirectoryRole } from "../directory/directory";
import { FileDirectory } from "../directory/file-directory";
import { GraphDirectory } from "../directory/graph-directory";
import { systemClock, type Clock } from "../incidents/clock";
import { SqliteApprovalStore } from "../state/approval-store.sqlite";
import { ConversationStore } from "../state/conversations";
import { openStateStore } from "../state/open";
import { sharedSecret } from "../state/shared-secret";
import type { StateStore } from "../state/store";
import { openDatabase, usable, type Db } from "../storage/sqlite";
import { createGraphClient } from "./graph-client";
import { graphCredentials } from "./incident-stack";
import { loadListSchema } from "./list-schema";
import { SharePointApprovalStore } from "./sharepoint-approval-store";
import { SharePointList } from "./sharepoint-list";
import { createTokenProvider } from "./token";

export interface ApprovalStack {
  service: ApprovalService;
  store: ApprovalStore;
  state: StateStore;
  directory: Directory;
  conversations: ConversationStore;
  /** the local databases answer (a blob state store is checked when the stack opens, not here) */
  usable(): boolean;
  /** stops the recorder and closes the databases */
  close(): Promise<void>;
}

export interface ApprovalStackOptions {
  clock?: Clock;
  onEvent?: ApprovalServiceOptions["onEvent"];
  /** start the recorder (bot: yes; one-shot CLI commands: no) */
  drain?: boolean;
  /** a state store to use instead of the configured one (tests) */
  state?: StateStore;
}

export async function openApprovalStack(config: Config, opts: ApprovalStackOptions = {}): Promise<ApprovalStack> {
  const clock = opts.clock ?? systemClock;
  const roles: Partial<Record<DirectoryRole, string>> = {};
  if (config.approvals.roles.headOfOperations) roles["head-of-operations"] = config.approvals.roles.headOfOperations;
  if (config.approvals.roles.ceo) roles.ceo = config.approvals.roles.ceo;
  if (config.approvals.roles.admin) roles.admin = config.approvals.roles.admin;

  const needGraph = config.approvals.store === "sharepoint" || config.directory.kind === "graph";
  const client = needGraph
    ? createGraphClient({ baseUrl: config.graph.baseUrl, tokens: createTokenProvider(graphCredentials(config)), clock, retry: { timeoutMs: config.graph.timeoutMs, budgetMs: config.graph.retryBudgetMs } })
    : undefined;

  let db: Db | undefined;
  let store: ApprovalStore;
  if (config.approvals.store === "sharepoint") {
    if (!config.sharepoint.site) throw new Error("APPROVAL_STORE=sharepoint needs SHAREPOINT_SITE (see .env.example)");
    store = new SharePointApprovalStore(new SharePointList(client!, loadListSchema("approvals"), { site: config.sharepoint.site, listName: config.sharepoint.approvalsList }));
  } else {
    db = openDatabase(path.join(config.dataDir, "approvals.sqlite"));
    store = new SqliteApprovalStore(db);
  }
  const directory: Directory = config.directory.kind === "graph" ? new GraphDirectory(client!, { roles, clock }) : FileDirectory.load(config.directory.file || undefined, roles);
  const state = opts.state ?? openStateStore(config);
  const secret = await sharedSecret(state, "approval-cards");
  const service = new ApprovalService({ state, store, directory, clock, secret, timing: config.approvals.timing, onEvent: opts.onEvent });
  if (opts.drain) service.recorder.start();
  return {
    service,
    store,
    state,
    directory,
    conversations: new ConversationStore(state),
    usable: () => (db ? usable(db) : true) && (state.usable?.() ?? true),
    async close() {
      service.recorder.stop();
      if (!opts.state) await state.close?.();
      db?.close();
    },
  };
}
