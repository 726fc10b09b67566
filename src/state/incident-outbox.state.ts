// The incident outbox on the StateStore port (a StateJournal): with the Blob adapter every
// instance sees every saved-but-unfiled report, so one killed mid-filing is taken over by
// another after the lease. Same contract as the SQLite outbox (src/storage/outbox.sqlite.ts).
import type { Incident } from "../incidents/model";
import type { Outbox, OutboxEntry } from "../incidents/outbox";
import { StateJournal } from "./journal";
import type { StateStore } from "./store";

type Item = OutboxEntry & { filedAt?: number };

export class StateIncidentOutbox implements Outbox {
  private readonly journal: StateJournal<Item>;

  constructor(store: StateStore) {
    this.journal = new StateJournal<Item>(store, "incident-outbox", ["filed"]);
  }

  put(incident: Incident, now: number, leaseUntil: number): Promise<"added" | "exists"> {
    // mayExist: the caller's attempt is in flight; its outcome overwrites this
    return this.journal.add({ id: incident.id, reference: incident.reference, state: "pending", incident, attempts: 0, nextAttemptAt: leaseUntil, mayExist: true, createdAt: now });
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    return entry(await this.journal.get(id));
  }

  async claimDue(dueBy: number, limit: number, leaseUntil: number): Promise<OutboxEntry[]> {
    const items = await this.journal.claimDue(dueBy, limit, (i) => ({ ...i, nextAttemptAt: leaseUntil, mayExist: true }));
    return items.map((i) => entry(i)!);
  }

  markFiled(id: string, link: string | undefined, now: number): Promise<void> {
    // the store has the report now: keep only what answers a re-submit
    return this.journal.end(id, "filed", ({ incident: _text, lastError: _e, ...rest }) => ({ ...rest, ...(link ? { link } : {}), filedAt: now }));
  }

  markFailed(id: string, error: string, mayExist: boolean, nextAttemptAt: number): Promise<void> {
    return this.journal.update(id, (i) => ({ ...i, attempts: i.attempts + 1, lastError: error, mayExist, nextAttemptAt }));
  }

  release(id: string, nextAttemptAt: number, mayExist: boolean): Promise<void> {
    return this.journal.update(id, (i) => ({ ...i, nextAttemptAt, mayExist }));
  }

  pendingCount(): Promise<number> {
    return this.journal.count();
  }

  async pending(limit = 100): Promise<OutboxEntry[]> {
    return (await this.journal.pending(limit)).map((i) => entry(i)!);
  }

  prune(before: number): Promise<number> {
    return this.journal.prune(before);
  }
}

function entry(i: Item | undefined): OutboxEntry | undefined {
  if (!i) return undefined;
  const { filedAt: _f, ...e } = i;
  return e;
}
