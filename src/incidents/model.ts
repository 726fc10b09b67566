// The incident record, as every store keeps it. Plain data: no Graph or HTTP here.

export const INFO_KINDS = ["personal", "sensitive", "secret", "customer", "other"] as const;
export type InfoKind = (typeof INFO_KINDS)[number];

/** kinds that make a report a personal-data incident (GDPR art. 33 clock starts) */
export const PERSONAL_KINDS: readonly InfoKind[] = ["personal", "sensitive"];

export const STATUSES = ["new", "investigating", "closed"] as const;
export type IncidentStatus = (typeof STATUSES)[number];

export const SEVERITIES = ["low", "medium", "high"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** who reported: taken from the authenticated activity, never from card data */
export interface Reporter {
  /** Entra object id (aadObjectId) */
  objectId: string;
  upn?: string;
  name: string;
}

/** what the reporter wrote, validated and sanitised (see validation.ts) */
export interface IncidentFields {
  /** when it happened (ISO 8601, UTC) */
  occurredAt: string;
  /** when it was discovered: the 72-hour IMY clock runs from here */
  discoveredAt: string;
  /** when it ended; absent while ongoing or unknown */
  endedAt?: string;
  tool: string;
  infoKinds: InfoKind[];
  /** approximate number of people affected */
  peopleAffected?: number;
  /** groups of people affected (pupils, customers, staff...) */
  dataSubjects?: string;
  description: string;
  actionsTaken?: string;
  likelyConsequences?: string;
  severity?: Severity;
  /** when the people affected were or will be informed */
  subjectsInformedAt?: string;
  /** how they were informed, or why not */
  subjectsInformedNote?: string;
}

export interface Incident extends IncidentFields {
  /** client-generated uuid: one report, one record, however often it is retried */
  id: string;
  /** human-friendly, unique: INC-2026-7K3Q-XM9P */
  reference: string;
  reporter: Reporter;
  reportedAt: string;
  personalData: boolean;
  /** discoveredAt + 72 h when personalData, else absent */
  imyDeadline?: string;
  status: IncidentStatus;
  policyPack: string;
  statusChangedAt?: string;
  statusChangedBy?: string;
}

/** an incident as a store returned it, with where an admin can open it */
export interface StoredIncident {
  incident: Incident;
  /** SharePoint item webUrl; absent for the local store */
  link?: string;
  /** the store's own key (SharePoint list item id) */
  itemId?: string;
}

export const IMY_DEADLINE_MS = 72 * 3600 * 1000;

export function isPersonalData(kinds: readonly InfoKind[]): boolean {
  return kinds.some((k) => PERSONAL_KINDS.includes(k));
}

/** GDPR art. 33(1): within 72 hours of becoming aware */
export function imyDeadline(discoveredAtIso: string): string {
  return new Date(Date.parse(discoveredAtIso) + IMY_DEADLINE_MS).toISOString();
}
