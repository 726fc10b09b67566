// ApprovalStore on a local SQLite file (data/approvals.sqlite): the embedded default.
// One row per request; a lower revision never overwrites a higher one.
import type { ApprovalRequest, StoredApproval } from "../approvals/model";
import { ApprovalStoreError, type ApprovalQuery, type ApprovalStore } from "../approvals/store";
import { normaliseReference } from "../incidents/reference";
import { migrate, type Db } from "../storage/sqlite";

const MIGRATIONS = [
  {
    name: "approvals-1",
    sql: `CREATE TABLE approvals (
      id TEXT PRIMARY KEY,
      reference TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('pending','escalated','approved','rejected','expired')),
      requester TEXT NOT NULL,
      approver TEXT,
      requested_at TEXT NOT NULL,
      revision INTEGER NOT NULL,
      record TEXT NOT NULL
    );
    CREATE INDEX approvals_status ON approvals (status, requested_at);
    CREATE INDEX approvals_approver ON approvals (approver, requested_at);`,
  },
];

export class SqliteApprovalStore implements ApprovalStore {
  readonly kind = "sqlite" as const;

  constructor(private readonly db: Db) {
    migrate(db, MIGRATIONS);
  }

  async record(r: ApprovalRequest): Promise<StoredApproval> {
    try {
      this.db
        .prepare(
          `INSERT INTO approvals (id, reference, status, requester, approver, requested_at, revision, record)
           VALUES (@id, @reference, @status, @requester, @approver, @requested_at, @revision, @record)
           ON CONFLICT (id) DO UPDATE SET status = excluded.status, approver = excluded.approver, revision = excluded.revision, record = excluded.record
           WHERE excluded.revision > approvals.revision`,
        )
        .run({ id: r.id, reference: r.reference, status: r.status, requester: r.requester.objectId, approver: r.approver?.objectId ?? null, requested_at: r.requestedAt, revision: r.revision, record: JSON.stringify(r) });
    } catch (e) {
      const code = (e as { code?: string }).code ?? "sqlite_error";
      throw new ApprovalStoreError(e instanceof Error ? e.message : String(e), code, code === "SQLITE_BUSY" || code === "SQLITE_LOCKED", false, undefined, { cause: e });
    }
    const row = this.db.prepare<[string], { record: string }>("SELECT record FROM approvals WHERE id = ?").get(r.id);
    if (!row) throw new ApprovalStoreError("approval vanished after insert", "sqlite_lost", true);
    return { request: JSON.parse(row.record) as ApprovalRequest };
  }

  async get(refOrId: string): Promise<StoredApproval | undefined> {
    const ref = normaliseReference(refOrId);
    const row = ref
      ? this.db.prepare<[string], { record: string }>("SELECT record FROM approvals WHERE reference = ?").get(ref)
      : this.db.prepare<[string], { record: string }>("SELECT record FROM approvals WHERE id = ?").get(refOrId.trim().toLowerCase());
    return row ? { request: JSON.parse(row.record) as ApprovalRequest } : undefined;
  }

  async list(q: ApprovalQuery = {}): Promise<StoredApproval[]> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.status) (where.push("status = ?"), args.push(q.status));
    if (q.approverObjectId) (where.push("approver = ?"), args.push(q.approverObjectId));
    if (q.requesterObjectId) (where.push("requester = ?"), args.push(q.requesterObjectId));
    const sql = `SELECT record FROM approvals ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY requested_at DESC LIMIT ?`;
    const rows = this.db.prepare<(string | number)[], { record: string }>(sql).all(...args, Math.min(Math.max(q.limit ?? 50, 1), 1000));
    return rows.map((r) => ({ request: JSON.parse(r.record) as ApprovalRequest }));
  }
}
