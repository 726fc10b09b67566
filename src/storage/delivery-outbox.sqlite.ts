// The delivery outbox on SQLite (DATA_DIR/deliveries.sqlite): survives a kill -9.
import type { DeliveryEntry, DeliveryKind, DeliveryOutbox } from "../notify/delivery-outbox";
import { migrate, type Db } from "./sqlite";

const MIGRATIONS = [
  {
    name: "delivery-outbox-1",
    sql: `CREATE TABLE delivery_outbox (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending','done','failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      last_error TEXT,
      created_at INTEGER NOT NULL,
      ended_at INTEGER
    );
    CREATE INDEX delivery_outbox_due ON delivery_outbox (state, next_attempt_at);`,
  },
];

interface Row {
  id: string;
  kind: DeliveryKind;
  payload: string;
  state: DeliveryEntry["state"];
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
}

function toEntry(r: Row): DeliveryEntry {
  const e: DeliveryEntry = { id: r.id, kind: r.kind, payload: JSON.parse(r.payload) as Record<string, unknown>, state: r.state, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, createdAt: r.created_at };
  if (r.last_error) e.lastError = r.last_error;
  return e;
}

export class SqliteDeliveryOutbox implements DeliveryOutbox {
  constructor(private readonly db: Db) {
    migrate(db, MIGRATIONS);
  }

  async put(e: { id: string; kind: DeliveryKind; payload: Record<string, unknown> }, now: number, leaseUntil: number): Promise<"added" | "exists"> {
    const r = this.db
      .prepare("INSERT INTO delivery_outbox (id, kind, payload, state, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?) ON CONFLICT (id) DO NOTHING")
      .run(e.id, e.kind, JSON.stringify(e.payload), leaseUntil, now);
    return r.changes === 1 ? "added" : "exists";
  }

  async get(id: string): Promise<DeliveryEntry | undefined> {
    const r = this.db.prepare<[string], Row>("SELECT * FROM delivery_outbox WHERE id = ?").get(id);
    return r ? toEntry(r) : undefined;
  }

  async claimDue(dueBy: number, limit: number, leaseUntil: number): Promise<DeliveryEntry[]> {
    return this.db
      .transaction(() => {
        const rows = this.db.prepare<[number, number], Row>("SELECT * FROM delivery_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY created_at LIMIT ?").all(dueBy, limit);
        const lease = this.db.prepare("UPDATE delivery_outbox SET next_attempt_at = ? WHERE id = ?");
        for (const r of rows) lease.run(leaseUntil, r.id);
        return rows.map(toEntry);
      })
      .immediate();
  }

  async claim(id: string, leaseUntil: number): Promise<DeliveryEntry | undefined> {
    return this.db
      .transaction(() => {
        const r = this.db.prepare<[string], Row>("SELECT * FROM delivery_outbox WHERE id = ? AND state = 'pending'").get(id);
        if (!r) return undefined;
        this.db.prepare("UPDATE delivery_outbox SET next_attempt_at = ? WHERE id = ?").run(leaseUntil, id);
        return toEntry(r);
      })
      .immediate();
  }

  async markDone(id: string, now: number): Promise<void> {
    this.db.prepare("UPDATE delivery_outbox SET state = 'done', ended_at = ?, last_error = NULL WHERE id = ? AND state = 'pending'").run(now, id);
  }

  async markRetry(id: string, code: string, nextAttemptAt: number, payload?: Record<string, unknown>, countAttempt = true): Promise<void> {
    this.db
      .prepare("UPDATE delivery_outbox SET attempts = attempts + ?, last_error = ?, next_attempt_at = ?, payload = coalesce(?, payload) WHERE id = ? AND state = 'pending'")
      .run(countAttempt ? 1 : 0, code, nextAttemptAt, payload ? JSON.stringify(payload) : null, id);
  }

  async markFailed(id: string, code: string, now: number): Promise<void> {
    this.db.prepare("UPDATE delivery_outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, ended_at = ? WHERE id = ? AND state = 'pending'").run(code, now, id);
  }

  async counts(): Promise<{ pending: number; failed: number }> {
    const rows = this.db.prepare<[], { state: string; n: number }>("SELECT state, count(*) AS n FROM delivery_outbox WHERE state IN ('pending','failed') GROUP BY state").all();
    const n = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
    return { pending: n("pending"), failed: n("failed") };
  }

  async prune(before: number): Promise<number> {
    return this.db.prepare("DELETE FROM delivery_outbox WHERE state IN ('done','failed') AND ended_at < ?").run(before).changes;
  }
}
