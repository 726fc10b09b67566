// The IncidentStore port. Adapters: src/storage (SQLite), src/m365 (SharePoint list).
import type { Incident, IncidentStatus, StoredIncident } from "./model";

export interface IncidentQuery {
  status?: IncidentStatus;
  personalData?: boolean;
  /** newest first; default 50 */
  limit?: number;
}

export interface FileOptions {
  /**
   * an earlier attempt may have created the record (it timed out or the connection
   * dropped after sending): look it up by id before creating.
   */
  mayExist?: boolean;
}

export interface IncidentStore {
  readonly kind: "sqlite" | "sharepoint";
  /** idempotent on incident.id: the same id filed twice is one record, returned both times */
  file(incident: Incident, opts?: FileOptions): Promise<StoredIncident>;
  /** by reference number (INC-...) or id */
  get(refOrId: string): Promise<StoredIncident | undefined>;
  list(q?: IncidentQuery): Promise<StoredIncident[]>;
  setStatus(refOrId: string, status: IncidentStatus, by: string, at: string): Promise<StoredIncident | undefined>;
}

/** the one error type stores throw: what failed, and whether trying again may help */
export class IncidentStoreError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** a later attempt may succeed (throttled, unavailable, network) */
    readonly retryable: boolean,
    /** the write may have happened although it failed (timeout, dropped connection) */
    readonly ambiguous = false,
    /** the server asked to wait this long */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "IncidentStoreError";
  }
}
