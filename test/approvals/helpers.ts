// Shared set-up for approval tests: real packs, SQLite in memory, the sample directory.
import { ManualClock } from "../../src/incidents/clock";
import { ApprovalService, type ApprovalServiceOptions } from "../../src/approvals/service";
import type { ApprovalStore } from "../../src/approvals/store";
import { FileDirectory } from "../../src/directory/file-directory";
import type { Directory } from "../../src/directory/directory";
import { loadPolicyLibrary } from "../../src/policy/library";
import type { PolicyLibrary } from "../../src/policy/types";
import { SqliteApprovalStore } from "../../src/state/approval-store.sqlite";
import { SqliteStateStore } from "../../src/state/sqlite-state";
import type { StateStore } from "../../src/state/store";
import { openDatabase } from "../../src/storage/sqlite";
import type { Person } from "../../src/approvals/model";

let lib: PolicyLibrary | undefined;
export const library = () => (lib ??= loadPolicyLibrary());

export const ALEX: Person = { objectId: "00000000-0000-0000-0000-0000000000020", name: "Alex Wilber", upn: "alexw@example.com" };
export const MEGAN: Person = { objectId: "00000000-0000-0000-0000-0000000000021", name: "Megan Bowen", upn: "meganb@example.com" };
export const ADELE: Person = { objectId: "00000000-0000-0000-0000-0000000000022", name: "Adele Vance", upn: "adelev@example.com" };
export const ISAIAH: Person = { objectId: "00000000-0000-0000-0000-0000000000023", name: "Isaiah Langer", upn: "isaiah@example.com" };
export const PATTI: Person = { objectId: "00000000-0000-0000-0000-0000000000024", name: "Patti Fernandez", upn: "pattif@example.com" };
export const LYNNE: Person = { objectId: "00000000-0000-0000-0000-0000000000025", name: "Lynne Robbins", upn: "lynner@example.com" };

export const SECRET = Buffer.alloc(32, 7);

export interface Rig {
  clock: ManualClock;
  state: StateStore;
  store: ApprovalStore;
  directory: Directory;
  service: ApprovalService;
  /** a second service over the same stores (a restart, or another process) */
  another(): ApprovalService;
}

export function rig(over: Partial<ApprovalServiceOptions> = {}): Rig {
  const clock = new ManualClock();
  const db = openDatabase(":memory:");
  const state = over.state ?? new SqliteStateStore(db);
  const store = over.store ?? new SqliteApprovalStore(db);
  const directory = over.directory ?? FileDirectory.load();
  const make = () => new ApprovalService({ state, store, directory, clock, secret: SECRET, ...over });
  return { clock, state, store, directory, service: make(), another: make };
}

export const until = (clock: ManualClock, days: number) => new Date(clock.now() + days * 86400_000).toISOString().slice(0, 10);

/** a request form filled in: open information in ChatGPT unless told otherwise */
export function fields(clock: ManualClock, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { tool: "public-ai", purpose: "Skriva utkast till nyhetsbrev", infoKinds: "open", validUntil: until(clock, 90), ...over };
}
