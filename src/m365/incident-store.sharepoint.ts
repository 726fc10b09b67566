// IncidentStore on the SharePoint list "AI-incidenter" (infra/sharepoint/incidents.list.json).
// Exactly one item per report: the item carries the report's id in an indexed, unique
// column; after an ambiguous failure (timeout, dropped connection, 504) or a conflict,
// the id is looked up before anything is created again.
import { INFO_KINDS, STATUSES, type Incident, type IncidentStatus, type InfoKind, type Severity, type StoredIncident } from "../incidents/model";
import { normaliseReference } from "../incidents/reference";
import { IncidentStoreError, type FileOptions, type IncidentQuery, type IncidentStore } from "../incidents/store";
import { GraphError } from "./graph-error";
import type { ListSchema } from "./list-schema";
import type { ListItem, SharePointList } from "./sharepoint-list";

/** model values -> the Swedish choice labels admins read in the list (checked against the schema by tests) */
export const LABELS = {
  infoKinds: { personal: "Personuppgifter", sensitive: "Känsliga personuppgifter", secret: "Sekretess", customer: "Kunddata", other: "Annat" } satisfies Record<InfoKind, string>,
  status: { new: "Ny", investigating: "Utreds", closed: "Avslutad" } satisfies Record<IncidentStatus, string>,
  severity: { low: "Låg", medium: "Medel", high: "Hög" } satisfies Record<Severity, string>,
};

function reverse<K extends string>(m: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(m).map(([k, v]) => [v as string, k as K]));
}
const FROM = { infoKinds: reverse(LABELS.infoKinds), status: reverse(LABELS.status), severity: reverse(LABELS.severity) };

export function toFields(i: Incident): Record<string, unknown> {
  const f: Record<string, unknown> = {
    Title: i.reference,
    ReportId: i.id,
    Status: LABELS.status[i.status],
    ReporterName: i.reporter.name,
    ReporterObjectId: i.reporter.objectId,
    OccurredAt: i.occurredAt,
    DiscoveredAt: i.discoveredAt,
    ReportedAt: i.reportedAt,
    ReportedMonth: i.reportedAt.slice(0, 7),
    Tool: i.tool,
    "InfoKinds@odata.type": "Collection(Edm.String)",
    InfoKinds: i.infoKinds.map((k) => LABELS.infoKinds[k]),
    Description: i.description,
    PersonalData: i.personalData,
    PolicyPack: i.policyPack,
  };
  const opt: [string, unknown][] = [
    ["ReporterUpn", i.reporter.upn],
    ["EndedAt", i.endedAt],
    ["PeopleAffected", i.peopleAffected],
    ["DataSubjects", i.dataSubjects],
    ["ActionsTaken", i.actionsTaken],
    ["LikelyConsequences", i.likelyConsequences],
    ["Severity", i.severity && LABELS.severity[i.severity]],
    ["SubjectsInformedAt", i.subjectsInformedAt],
    ["SubjectsInformedNote", i.subjectsInformedNote],
    ["ImyDeadline", i.imyDeadline],
    ["StatusChangedAt", i.statusChangedAt],
    ["StatusChangedBy", i.statusChangedBy],
  ];
  for (const [k, v] of opt) if (v !== undefined) f[k] = v;
  return f;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const iso = (v: unknown): string | undefined => (typeof v === "string" && v ? new Date(v).toISOString() : undefined);

export function fromItem(item: ListItem): StoredIncident {
  const f = item.fields;
  const kinds = Array.isArray(f.InfoKinds) ? f.InfoKinds : typeof f.InfoKinds === "string" ? f.InfoKinds.split(";#").filter(Boolean) : [];
  const incident: Incident = {
    id: String(f.ReportId ?? ""),
    reference: String(f.Title ?? ""),
    reporter: { objectId: String(f.ReporterObjectId ?? ""), name: String(f.ReporterName ?? "") },
    occurredAt: iso(f.OccurredAt) ?? "",
    discoveredAt: iso(f.DiscoveredAt) ?? "",
    reportedAt: iso(f.ReportedAt) ?? "",
    tool: String(f.Tool ?? ""),
    infoKinds: kinds.map((k: unknown) => FROM.infoKinds.get(String(k))).filter((k): k is InfoKind => k !== undefined && INFO_KINDS.includes(k)),
    description: String(f.Description ?? ""),
    personalData: f.PersonalData === true || f.PersonalData === 1 || f.PersonalData === "1",
    status: FROM.status.get(String(f.Status)) ?? "new",
    policyPack: String(f.PolicyPack ?? ""),
  };
  const upn = str(f.ReporterUpn);
  if (upn) incident.reporter.upn = upn;
  const optional: Partial<Incident> = {
    endedAt: iso(f.EndedAt),
    peopleAffected: typeof f.PeopleAffected === "number" ? f.PeopleAffected : undefined,
    dataSubjects: str(f.DataSubjects),
    actionsTaken: str(f.ActionsTaken),
    likelyConsequences: str(f.LikelyConsequences),
    severity: FROM.severity.get(String(f.Severity)),
    subjectsInformedAt: iso(f.SubjectsInformedAt),
    subjectsInformedNote: str(f.SubjectsInformedNote),
    imyDeadline: iso(f.ImyDeadline),
    statusChangedAt: iso(f.StatusChangedAt),
    statusChangedBy: str(f.StatusChangedBy),
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (incident as unknown as Record<string, unknown>)[k] = v;
  return { incident, link: item.webUrl, itemId: item.id };
}

export class SharePointIncidentStore implements IncidentStore {
  readonly kind = "sharepoint" as const;

  constructor(private readonly sp: SharePointList) {}

  get schema(): ListSchema {
    return this.sp.schema;
  }

  async file(incident: Incident, opts: FileOptions = {}): Promise<StoredIncident> {
    try {
      if (opts.mayExist) {
        const found = await this.byReportId(incident.id);
        if (found) return fromItem(found);
      }
      try {
        return fromItem(await this.sp.create(toFields(incident)));
      } catch (e) {
        // 409: the unique ReportId (or Title) is taken; ambiguous: it may have been created
        if (e instanceof GraphError && (e.status === 409 || e.ambiguous)) {
          let found: ListItem | undefined;
          try {
            found = await this.byReportId(incident.id);
          } catch (lookup) {
            // still unknown whether the create went through: whoever tries next must look first
            const le = toStoreError(lookup);
            throw new IncidentStoreError(`created? unknown (${e.code}); look-up failed: ${le.message}`, le.code, true, true, le.retryAfterMs, { cause: lookup });
          }
          if (found) return fromItem(found);
        }
        throw e;
      }
    } catch (e) {
      throw toStoreError(e);
    }
  }

  async get(refOrId: string): Promise<StoredIncident | undefined> {
    try {
      const ref = normaliseReference(refOrId);
      if (ref) {
        const [item] = await this.sp.query([{ field: "Title", op: "eq", value: ref }], { top: 1 });
        return item ? fromItem(item) : undefined;
      }
      const id = refOrId.trim().toLowerCase();
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return undefined;
      const item = await this.byReportId(id);
      return item ? fromItem(item) : undefined;
    } catch (e) {
      throw toStoreError(e);
    }
  }

  async list(q: IncidentQuery = {}): Promise<StoredIncident[]> {
    const conds: { field: string; op: "eq"; value: string | boolean }[] = [];
    if (q.status) conds.push({ field: "Status", op: "eq", value: LABELS.status[STATUSES.includes(q.status) ? q.status : "new"] });
    if (q.personalData !== undefined) conds.push({ field: "PersonalData", op: "eq", value: q.personalData });
    try {
      const items = await this.sp.query(conds, { top: q.limit ?? 50, orderBy: { field: "ReportedAt", descending: true } });
      return items.map(fromItem);
    } catch (e) {
      throw toStoreError(e);
    }
  }

  async setStatus(refOrId: string, status: IncidentStatus, by: string, at: string): Promise<StoredIncident | undefined> {
    const cur = await this.get(refOrId);
    if (!cur?.itemId) return undefined;
    try {
      await this.sp.updateFields(cur.itemId, { Status: LABELS.status[status], StatusChangedAt: at, StatusChangedBy: by });
      return { ...cur, incident: { ...cur.incident, status, statusChangedAt: at, statusChangedBy: by } };
    } catch (e) {
      throw toStoreError(e);
    }
  }

  private async byReportId(id: string): Promise<ListItem | undefined> {
    const [item] = await this.sp.query([{ field: "ReportId", op: "eq", value: id }], { top: 1 });
    return item;
  }
}

export function toStoreError(e: unknown): IncidentStoreError {
  if (e instanceof IncidentStoreError) return e;
  if (e instanceof GraphError) return new IncidentStoreError(e.message, e.code, e.retryable, e.ambiguous, e.retryAfterMs, { cause: e });
  return new IncidentStoreError(e instanceof Error ? e.message : String(e), "internal", false, false, undefined, { cause: e });
}

