// The directory through Microsoft Graph (app-only, permission User.Read.All):
// GET /users/{id}/manager (404: no manager), GET /users/{id} for role holders whose
// object ids come from config. Answers are cached briefly: a reminder run asks for the
// same people many times. The cache is bounded (least recently used goes first), so the
// user ids activities bring cannot grow it without limit.
import type { Client } from "@microsoft/microsoft-graph-client";
import type { Person } from "../approvals/model";
import type { Clock } from "../incidents/clock";
import { GraphError } from "../m365/graph-error";
import { call } from "../m365/sharepoint-list";
import { BoundedMap } from "../util/bounded-map";
import { DirectoryError, type Directory, type DirectoryRole } from "./directory";

const SELECT = "id,displayName,userPrincipalName";
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface GraphUser {
  "@odata.type"?: string;
  id?: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
}

export interface GraphDirectoryOptions {
  roles: Partial<Record<DirectoryRole, string>>;
  clock: Clock;
  /** default 10 minutes */
  cacheMs?: number;
  /** answers cached, default 5 000 (a person is about 200 bytes) */
  cacheMax?: number;
}

export const DIRECTORY_CACHE_MAX = 5_000;

export class GraphDirectory implements Directory {
  readonly kind = "graph" as const;
  private readonly cache: BoundedMap<string, { value: Person | undefined }>;

  constructor(
    private readonly client: Client,
    private readonly o: GraphDirectoryOptions,
  ) {
    this.cache = new BoundedMap({ max: o.cacheMax ?? DIRECTORY_CACHE_MAX, ttlMs: o.cacheMs ?? 10 * 60_000, now: () => o.clock.now() });
  }

  /** answers cached (never more than the bound) */
  get cacheSize(): number {
    return this.cache.size;
  }

  manager(userObjectId: string): Promise<Person | undefined> {
    return this.cached(`manager:${userObjectId}`, () => this.fetch(`/users/${encodeURIComponent(check(userObjectId))}/manager`));
  }

  async roleHolder(role: DirectoryRole): Promise<Person | undefined> {
    const id = this.o.roles[role];
    if (!id) return undefined;
    // a configured id that Graph does not know is still the configured person: keep the id
    return (await this.user(id)) ?? { objectId: id, name: id };
  }

  user(objectId: string): Promise<Person | undefined> {
    return this.cached(`user:${objectId}`, () => this.fetch(`/users/${encodeURIComponent(check(objectId))}`));
  }

  private async fetch(p: string): Promise<Person | undefined> {
    try {
      const u = await call<GraphUser>("GET", () => this.client.api(p).select(SELECT).get());
      // a manager can be an orgContact (no Teams chat): only users can approve
      if (!u?.id || (u["@odata.type"] && u["@odata.type"] !== "#microsoft.graph.user")) return undefined;
      const person: Person = { objectId: u.id, name: u.displayName || u.userPrincipalName || u.id };
      if (u.userPrincipalName) person.upn = u.userPrincipalName;
      return person;
    } catch (e) {
      const g = e instanceof GraphError ? e : GraphError.from(e, "GET");
      if (g.status === 404) return undefined;
      throw new DirectoryError(`directory: ${g.message}`, g.code, g.retryable, { cause: g });
    }
  }

  private async cached(key: string, fn: () => Promise<Person | undefined>): Promise<Person | undefined> {
    const hit = this.cache.get(key);
    if (hit) return hit.value;
    const value = await fn();
    this.cache.set(key, { value });
    return value;
  }
}

function check(id: string): string {
  // object ids only: nothing else reaches a Graph path
  if (!ID.test(id)) throw new DirectoryError("directory: not an object id", "invalid_id", false);
  return id;
}
