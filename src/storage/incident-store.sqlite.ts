// IncidentStore on a local SQLite file: the embedded default (data/incidents.sqlite).
import type { Incident, IncidentStatus, StoredIncident } from "../incidents/model";
import { normaliseReference } from "../incidents/reference";
import { IncidentStoreError, type IncidentQuery, type IncidentStore } from "../incidents/store";
import { migrate, type Db } from "./sqlite";

const MIGRATIONS = [
  {
    name: "incidents-1",
    sql: `CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      reference TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('new','investigating','closed')),
      personal_data INTEGER NOT NULL,
      reported_at TEXT NOT NULL,
      imy_deadline TEXT,
      record TEXT NOT NULL
    );
    CREATE INDEX incidents_status ON incidents (status, reported_at);
    CREATE INDEX incidents_reported ON incidents (reported_at);`,
  },
];

interface Row {
  record: string;
}

export class SqliteIncidentStore implements IncidentStore {
  readonly kind = "sqlite" as const;
  private readonly insert;
  private readonly byId;
  private readonly byRef;
  private readonly update;

  constructor(private readonly db: Db) {
    migrate(db, MIGRATIONS);
    this.insert = db.prepare(
      `INSERT INTO incidents (id, reference, status, personal_data, reported_at, imy_deadline, record)
       VALUES (@id, @reference, @status, @personal_data, @reported_at, @imy_deadline, @record)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.byId = db.prepare<[string], Row>("SELECT record FROM incidents WHERE id = ?");
    this.byRef = db.prepare<[string], Row>("SELECT record FROM incidents WHERE reference = ?");
    this.update = db.prepare("UPDATE incidents SET status = ?, record = ? WHERE id = ?");
  }

  async file(incident: Incident): Promise<StoredIncident> {
    try {
      this.insert.run({
        id: incident.id,
        reference: incident.reference,
        status: incident.status,
        personal_data: incident.personalData ? 1 : 0,
        reported_at: incident.reportedAt,
        imy_deadline: incident.imyDeadline ?? null,
        record: JSON.stringify(incident),
      });
    } catch (e) {
      throw this.wrap(e);
    }
    const row = this.byId.get(incident.id);
    if (!row) throw new IncidentStoreError("incident vanished after insert", "sqlite_lost", true);
    return { incident: JSON.parse(row.record) as Incident };
  }

  async get(refOrId: string): Promise<StoredIncident | undefined> {
    const ref = normaliseReference(refOrId);
    const row = ref ? this.byRef.get(ref) : this.byId.get(refOrId.trim());
    return row ? { incident: JSON.parse(row.record) as Incident } : undefined;
  }

  async list(q: IncidentQuery = {}): Promise<StoredIncident[]> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.status) (where.push("status = ?"), args.push(q.status));
    if (q.personalData !== undefined) (where.push("personal_data = ?"), args.push(q.personalData ? 1 : 0));
    const sql = `SELECT record FROM incidents ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY reported_at DESC LIMIT ?`;
    const rows = this.db.prepare<(string | number)[], Row>(sql).all(...args, Math.min(Math.max(q.limit ?? 50, 1), 1000));
    return rows.map((r) => ({ incident: JSON.parse(r.record) as Incident }));
  }

  async setStatus(refOrId: string, status: IncidentStatus, by: string, at: string): Promise<StoredIncident | undefined> {
    const cur = await this.get(refOrId);
    if (!cur) return undefined;
    const next: Incident = { ...cur.incident, status, statusChangedAt: at, statusChangedBy: by };
    this.update.run(status, JSON.stringify(next), next.id);
    return { incident: next };
  }

  private wrap(e: unknown): IncidentStoreError {
    const code = (e as { code?: string }).code ?? "sqlite_error";
    const busy = code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
    return new IncidentStoreError(e instanceof Error ? e.message : String(e), code, busy, false, undefined, { cause: e });
  }
}
