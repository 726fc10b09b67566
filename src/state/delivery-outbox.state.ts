// The delivery outbox on the StateStore port (a StateJournal): with the Blob adapter every
// instance sees every notice and approval card not yet delivered, so one killed mid-send is
// taken over by another after the lease. Same contract as src/storage/delivery-outbox.sqlite.ts.
import type { DeliveryEntry, DeliveryKind, DeliveryOutbox } from "../notify/delivery-outbox";
import { StateJournal } from "./journal";
import type { StateStore } from "./store";

export class StateDeliveryOutbox implements DeliveryOutbox {
  private readonly journal: StateJournal<DeliveryEntry>;

  constructor(store: StateStore) {
    this.journal = new StateJournal<DeliveryEntry>(store, "deliveries", ["done", "failed"]);
  }

  put(e: { id: string; kind: DeliveryKind; payload: Record<string, unknown> }, now: number, leaseUntil: number): Promise<"added" | "exists"> {
    return this.journal.add({ id: e.id, kind: e.kind, payload: e.payload, state: "pending", attempts: 0, nextAttemptAt: leaseUntil, createdAt: now });
  }

  get(id: string): Promise<DeliveryEntry | undefined> {
    return this.journal.get(id);
  }

  claimDue(dueBy: number, limit: number, leaseUntil: number): Promise<DeliveryEntry[]> {
    return this.journal.claimDue(dueBy, limit, (e) => ({ ...e, nextAttemptAt: leaseUntil }));
  }

  claim(id: string, leaseUntil: number): Promise<DeliveryEntry | undefined> {
    return this.journal.claim(id, (e) => ({ ...e, nextAttemptAt: leaseUntil }));
  }

  markDone(id: string, _now: number): Promise<void> {
    return this.journal.end(id, "done", ({ lastError: _e, ...rest }) => rest);
  }

  markRetry(id: string, code: string, nextAttemptAt: number, payload?: Record<string, unknown>, countAttempt = true): Promise<void> {
    return this.journal.update(id, (e) => ({ ...e, attempts: e.attempts + (countAttempt ? 1 : 0), lastError: code, nextAttemptAt, payload: payload ?? e.payload }));
  }

  markFailed(id: string, code: string, _now: number): Promise<void> {
    return this.journal.end(id, "failed", (e) => ({ ...e, attempts: e.attempts + 1, lastError: code }));
  }

  async counts(): Promise<{ pending: number; failed: number }> {
    const [pending, failed] = await Promise.all([this.journal.count(), this.journal.count("failed")]);
    return { pending, failed };
  }

  /** `before` is compared with the store's own write times (wall clock) */
  prune(before: number): Promise<number> {
    return this.journal.prune(before);
  }
}
