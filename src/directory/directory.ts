// The Directory port: who someone's manager is, and who holds a configured role.
// Adapters: a JSON file with sample users (embedded default) and Microsoft Graph.
import type { Person } from "../approvals/model";

/** roles held by one configured person in the organisation (config: APPROVAL_*_ID) */
export type DirectoryRole = "head-of-operations" | "ceo" | "admin";

export interface Directory {
  readonly kind: "file" | "graph";
  /** the user's nearest manager; undefined when the directory has none (Graph 404) */
  manager(userObjectId: string): Promise<Person | undefined>;
  /** the configured holder of a role; undefined when none is configured */
  roleHolder(role: DirectoryRole): Promise<Person | undefined>;
  /** a user by object id; undefined when unknown */
  user(objectId: string): Promise<Person | undefined>;
}

/** the directory failed (not "no manager": that is undefined); retryable when a later attempt may succeed */
export class DirectoryError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DirectoryError";
  }
}
