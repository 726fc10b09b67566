// One SharePoint list on one site, through Graph: find it, create, read, query and
// update items. Site and list ids are looked up once and cached, so a report costs one
// call. Every failure comes out as a GraphError.
import type { Client } from "@microsoft/microsoft-graph-client";
import { indexedColumns, type ListSchema } from "./list-schema";
import { GraphError, type HttpMethod } from "./graph-error";
import { filterExpr, type Condition } from "./odata";

export interface ListItem {
  id: string;
  webUrl?: string;
  createdDateTime?: string;
  fields: Record<string, unknown>;
}

export interface SiteRef {
  /** "contoso.sharepoint.com:/sites/policy" (host and path) or a Graph site id "host,guid,guid" */
  site: string;
  /** the list's display name; default the schema's */
  listName?: string;
}

/** GET /sites/{host}:/{path} or /sites/{id} */
export function sitePath(site: string): string {
  const s = site.trim().replace(/^https:\/\//, "");
  const i = s.indexOf("/");
  if (s.includes(":/")) return `/sites/${s}`;
  if (i > 0) return `/sites/${s.slice(0, i)}:${s.slice(i)}`; // contoso.sharepoint.com/sites/x
  return `/sites/${s}`;
}

export class SharePointList {
  private ids: Promise<{ siteId: string; listId: string }> | undefined;

  constructor(
    private readonly client: Client,
    readonly schema: ListSchema,
    private readonly ref: SiteRef,
  ) {}

  get listName(): string {
    return this.ref.listName ?? this.schema.displayName;
  }

  /** site and list ids (cached; a failed lookup is retried next time) */
  resolve(): Promise<{ siteId: string; listId: string }> {
    this.ids ??= (async () => {
      const site = await call<{ id: string }>("GET", () => this.client.api(sitePath(this.ref.site)).select("id").get());
      const list = await findList(this.client, site.id, this.listName);
      if (!list) throw new GraphError(`list "${this.listName}" not found on the site: run npm run provision:sharepoint`, 404, "listNotFound", false, false);
      return { siteId: site.id, listId: list.id };
    })().catch((e) => {
      this.ids = undefined;
      throw e;
    });
    return this.ids;
  }

  private async base(): Promise<string> {
    const { siteId, listId } = await this.resolve();
    return `/sites/${siteId}/lists/${listId}`;
  }

  async create(fields: Record<string, unknown>): Promise<ListItem> {
    const base = await this.base();
    return call<ListItem>("POST", () => this.client.api(`${base}/items`).post({ fields }));
  }

  async get(itemId: string): Promise<ListItem | undefined> {
    if (!/^\d{1,12}$/.test(itemId)) return undefined;
    const base = await this.base();
    try {
      return await call<ListItem>("GET", () => this.client.api(`${base}/items/${itemId}`).expand("fields").get());
    } catch (e) {
      if (e instanceof GraphError && e.status === 404) return undefined;
      throw e;
    }
  }

  /** items matching indexed-column conditions, newest first by `orderBy` when given */
  async query(conds: Condition[], opts: { top?: number; orderBy?: { field: string; descending?: boolean } } = {}): Promise<ListItem[]> {
    const base = await this.base();
    const want = Math.min(Math.max(opts.top ?? 50, 1), 5000);
    let req = this.client.api(`${base}/items`).expand("fields").top(Math.min(want, 200));
    if (conds.length) req = req.filter(filterExpr(this.schema, conds));
    if (opts.orderBy) {
      if (!indexedColumns(this.schema).includes(opts.orderBy.field)) throw new Error(`orderby: ${opts.orderBy.field} is not indexed`);
      req = req.orderby(`fields/${opts.orderBy.field} ${opts.orderBy.descending ? "desc" : "asc"}`);
    }
    const out: ListItem[] = [];
    let page = await call<{ value: ListItem[]; "@odata.nextLink"?: string }>("GET", () => req.get());
    for (;;) {
      out.push(...page.value);
      const next = page["@odata.nextLink"];
      if (!next || out.length >= want) break;
      page = await call("GET", () => this.client.api(relativeLink(next)).get());
    }
    return out.slice(0, want);
  }

  async updateFields(itemId: string, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
    const base = await this.base();
    return call("PATCH", () => this.client.api(`${base}/items/${itemId}/fields`).patch(fields));
  }
}

export async function findList(client: Client, siteId: string, displayName: string): Promise<{ id: string; displayName: string } | undefined> {
  let page = await call<{ value: { id: string; displayName: string }[]; "@odata.nextLink"?: string }>("GET", () =>
    client.api(`/sites/${siteId}/lists`).select("id,displayName").get(),
  );
  for (;;) {
    const hit = page.value.find((l) => l.displayName === displayName);
    if (hit) return hit;
    const next = page["@odata.nextLink"];
    if (!next) return undefined;
    page = await call("GET", () => client.api(relativeLink(next)).get());
  }
}

/** runs a Graph call and turns whatever it throws into a GraphError */
export async function call<T>(method: HttpMethod, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw GraphError.from(e, method);
  }
}

/** the client only parses https:// links itself; pass it the path after the version */
function relativeLink(link: string): string {
  const u = new URL(link);
  return u.pathname.replace(/^\/(v1\.0|beta)/, "") + u.search;
}
