// The Notifier port: tells the people who must act that something was filed.
// Plain data only (no Bot Framework): the adapters live in src/bot/notify/ because
// sending a card into Teams is the bot's business.
//   local  — the notice goes to the reporter's own conversation (nothing configured)
//   teams  — proactive card to a configured security channel/conversation, and to the
//            reporter's manager when a manager lookup exists (issue 5's Directory)

/** what a notice about a filed incident says: the reference and where to read it, never what was written */
export interface IncidentNotice {
  reference: string;
  /** the SharePoint list item's webUrl; absent for the local store */
  link?: string;
  /** ISO 8601 (UTC) */
  reportedAt: string;
  personalData: boolean;
  /** ISO 8601 (UTC), with personalData */
  imyDeadline?: string;
  /** the policy pack's organisation, e.g. "Söderköpings kommun" */
  organisation: string;
  /** true when the report waited in the outbox and was filed later */
  filedLater: boolean;
  /** language and time zone the notice is written in */
  lang: "sv" | "en";
  timeZone: string;
}

/** whose notice it is, and where the report was made from */
export interface NoticeOrigin {
  /** the reporter's Entra object id (for the manager lookup) */
  reporterObjectId: string;
  /** the conversation the report was made in (the local adapter answers there) */
  conversationId?: string;
  /** that conversation's reference (ids only), for answering there after a restart */
  conversationRef?: Record<string, unknown>;
}

export type NoticeTarget = "security" | "manager";

export interface NoticeResult {
  target: NoticeTarget;
  status: "sent" | "skipped" | "failed";
  /** why skipped or failed: a stable code, never user text */
  reason?: string;
  /** a failure that waiting may mend (throttled, server error, no answer): the outbox retries it */
  passing?: boolean;
}

export interface Notifier {
  readonly kind: "local" | "teams";
  /** `skip`: targets reached by an earlier attempt (the outbox retries the others) */
  notifyIncident(notice: IncidentNotice, origin: NoticeOrigin, skip?: NoticeTarget[]): Promise<NoticeResult[]>;
}

/**
 * Who is this user's manager. Issue 5 brings the Directory (a sample-users file locally,
 * Graph /users/{id}/manager in production); until then no lookup exists and the manager
 * notice is skipped with reason "no-directory".
 */
export interface ManagerLookup {
  managerOf(objectId: string): Promise<{ objectId: string } | undefined>;
}

/** issue 5's Directory (src/directory) as a ManagerLookup */
export function managerLookup(directory: { manager(objectId: string): Promise<{ objectId: string } | undefined> }): ManagerLookup {
  return {
    managerOf: async (objectId) => {
      const m = await directory.manager(objectId);
      return m ? { objectId: m.objectId } : undefined;
    },
  };
}
