// The incident outbox on SQLite: a durable journal that survives restarts.
import type { Incident } from "../incidents/model";
import type { Outbox, OutboxEntry } from "../incidents/outbox";
import { migrate, type Db } from "./sqlite";

const MIGRATIONS = [
  {
    name: "incident-outbox-1",
    sql: `CREATE TABLE incident_outbox (
      id TEXT PRIMARY KEY,
      reference TEXT NOT NULL UNIQUE,
      state TEXT NOT NULL CHECK (state IN ('pending','filed')),
      payload TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      may_exist INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      link TEXT,
      created_at INTEGER NOT NULL,
      filed_at INTEGER
    );
    CREATE INDEX incident_outbox_due ON incident_outbox (state, next_attempt_at);`,
  },
];

interface Row {
  id: string;
  reference: string;
  state: "pending" | "filed";
  payload: string | null;
  attempts: number;
  next_attempt_at: number;
  may_exist: number;
  last_error: string | null;
  link: string | null;
  created_at: number;
}

function toEntry(r: Row): OutboxEntry {
  const e: OutboxEntry = {
    id: r.id,
    reference: r.reference,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    mayExist: r.may_exist === 1,
    createdAt: r.created_at,
  };
  if (r.payload) e.incident = JSON.parse(r.payload) as Incident;
  if (r.last_error) e.lastError = r.last_error;
  if (r.link) e.link = r.link;
  return e;
}

export class SqliteOutbox implements Outbox {
  constructor(private readonly db: Db) {
    migrate(db, MIGRATIONS);
  }

  async put(incident: Incident, now: number, leaseUntil: number): Promise<"added" | "exists"> {
    // may_exist = 1: the caller's attempt is in flight; its outcome overwrites this
    const r = this.db
      .prepare(
        `INSERT INTO incident_outbox (id, reference, state, payload, next_attempt_at, may_exist, created_at)
         VALUES (?, ?, 'pending', ?, ?, 1, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(incident.id, incident.reference, JSON.stringify(incident), leaseUntil, now);
    return r.changes === 1 ? "added" : "exists";
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const r = this.db.prepare<[string], Row>("SELECT * FROM incident_outbox WHERE id = ?").get(id);
    return r ? toEntry(r) : undefined;
  }

  async claimDue(dueBy: number, limit: number, leaseUntil: number): Promise<OutboxEntry[]> {
    return this.db
      .transaction(() => {
        const rows = this.db
          .prepare<[number, number], Row>("SELECT * FROM incident_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY created_at LIMIT ?")
          .all(dueBy, limit);
        const lease = this.db.prepare("UPDATE incident_outbox SET next_attempt_at = ?, may_exist = 1 WHERE id = ?");
        for (const r of rows) lease.run(leaseUntil, r.id);
        return rows.map(toEntry);
      })
      .immediate();
  }

  async markFiled(id: string, link: string | undefined, now: number): Promise<void> {
    // the store has the report now: keep only what answers a re-submit
    this.db.prepare("UPDATE incident_outbox SET state = 'filed', payload = NULL, link = ?, filed_at = ?, last_error = NULL WHERE id = ?").run(link ?? null, now, id);
  }

  async markFailed(id: string, error: string, mayExist: boolean, nextAttemptAt: number): Promise<void> {
    this.db
      .prepare("UPDATE incident_outbox SET attempts = attempts + 1, last_error = ?, may_exist = ?, next_attempt_at = ? WHERE id = ? AND state = 'pending'")
      .run(error, mayExist ? 1 : 0, nextAttemptAt, id);
  }

  async release(id: string, nextAttemptAt: number, mayExist: boolean): Promise<void> {
    this.db.prepare("UPDATE incident_outbox SET next_attempt_at = ?, may_exist = ? WHERE id = ? AND state = 'pending'").run(nextAttemptAt, mayExist ? 1 : 0, id);
  }

  async pendingCount(): Promise<number> {
    return (this.db.prepare("SELECT count(*) AS n FROM incident_outbox WHERE state = 'pending'").get() as { n: number }).n;
  }

  async pending(limit = 100): Promise<OutboxEntry[]> {
    return this.db.prepare<[number], Row>("SELECT * FROM incident_outbox WHERE state = 'pending' ORDER BY created_at LIMIT ?").all(limit).map(toEntry);
  }

  async prune(before: number): Promise<number> {
    return this.db.prepare("DELETE FROM incident_outbox WHERE state = 'filed' AND filed_at < ?").run(before).changes;
  }
}
