// The ApprovalStore port: the record admins read. Adapters: src/state (SQLite),
// src/m365 (the SharePoint list "AI-godkännanden").
import type { ApprovalStatus, ApprovalRequest, StoredApproval } from "./model";

export interface ApprovalQuery {
  status?: ApprovalStatus;
  approverObjectId?: string;
  requesterObjectId?: string;
  /** newest first; default 50 */
  limit?: number;
}

export interface RecordOptions {
  /** an earlier attempt may have created the record: look it up by id before creating */
  mayExist?: boolean;
  /** the store's own key from an earlier write (SharePoint item id): update it directly */
  itemId?: string;
}

export interface ApprovalStore {
  readonly kind: "sqlite" | "sharepoint";
  /**
   * creates or updates the record of request.id: one record per request, however often
   * it is called. A revision lower than the stored one changes nothing (a late retry
   * never undoes a decision); the stored record is returned.
   */
  record(request: ApprovalRequest, opts?: RecordOptions): Promise<StoredApproval>;
  /** by reference (APR-...) or id */
  get(refOrId: string): Promise<StoredApproval | undefined>;
  list(q?: ApprovalQuery): Promise<StoredApproval[]>;
}

/** the one error type stores throw: what failed, and whether trying again may help */
export class ApprovalStoreError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
    /** the write may have happened although it failed */
    readonly ambiguous = false,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ApprovalStoreError";
  }
}
