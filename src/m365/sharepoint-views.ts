// List views through SharePoint's REST API: Microsoft Graph has no API for views. The
// documented odata=verbose payloads: POST .../views {__metadata: SP.View, Title,
// ViewQuery (CAML), RowLimit, PersonalView}, then the fields with removeallviewfields
// and addviewfield('Name'). Idempotent: existing views are read first; a missing view
// is created, one whose query, row limit or fields differ is updated in place (MERGE),
// a matching one is left alone. Views on the list that the schema does not name are
// never touched. The token must be for the SharePoint resource
// (https://{tenant}.sharepoint.com/.default) and, app-only, obtained with a certificate:
// SharePoint refuses app-only tokens from a client secret.
import type { ListSchema, ViewSpec } from "./list-schema";
import type { TokenProvider } from "./token";
import { viewCaml } from "./views";

/** rows per page in every view (SharePoint's default is 30) */
export const VIEW_ROW_LIMIT = 100;

export class SharePointRestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "SharePointRestError";
  }
}

export interface SharePointRestOptions {
  /** the site for REST: scheme, host and site path, e.g. https://contoso.sharepoint.com/sites/ai */
  siteUrl: string;
  tokens: TokenProvider;
  timeoutMs?: number;
}

/** a minimal SharePoint REST client (odata=verbose) */
export class SharePointRest {
  constructor(private readonly o: SharePointRestOptions) {}

  async request<T>(method: "GET" | "POST", path: string, body?: object, headers: Record<string, string> = {}): Promise<T> {
    const token = await this.o.tokens.getToken();
    let res: Response;
    try {
      res = await fetch(`${this.o.siteUrl.replace(/\/+$/, "")}/_api/${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json;odata=verbose",
          ...(body ? { "content-type": "application/json;odata=verbose" } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 30_000),
      });
    } catch (e) {
      throw new SharePointRestError(`SharePoint REST ${method} ${path}: ${e instanceof Error ? e.message : String(e)}`, 0);
    }
    const text = await res.text();
    if (!res.ok) throw new SharePointRestError(`SharePoint REST ${method} ${path}: ${res.status} ${errorMessage(text)}`, res.status);
    return (text ? (JSON.parse(text) as { d?: T }).d : undefined) as T;
  }
}

function errorMessage(text: string): string {
  try {
    const b = JSON.parse(text) as { error?: { message?: { value?: string } }; "odata.error"?: { message?: { value?: string } } };
    return b.error?.message?.value ?? b["odata.error"]?.message?.value ?? text.slice(0, 300);
  } catch {
    return text.slice(0, 300);
  }
}

export interface ViewReport {
  created: string[];
  /** "name (query, fields)" */
  updated: string[];
  unchanged: string[];
  /** number of SharePoint REST writes made */
  writes: number;
}

interface SpView {
  Id: string;
  Title: string;
  ViewQuery?: string;
  RowLimit?: number;
}

const quote = (s: string) => encodeURIComponent(s.replace(/'/g, "''"));

/**
 * Creates or updates the schema's views on the list. listId undefined (a dry run whose
 * list does not exist yet): every view would be created.
 */
export async function provisionViews(rest: SharePointRest, listId: string | undefined, schema: ListSchema, opts: { dryRun?: boolean } = {}): Promise<ViewReport> {
  const report: ViewReport = { created: [], updated: [], unchanged: [], writes: 0 };
  if (!listId) {
    report.created.push(...schema.views.map((v) => v.name));
    return report;
  }
  const list = `web/lists(guid'${listId}')`;
  const existing = (await rest.request<{ results: SpView[] }>("GET", `${list}/views?$select=Title,Id,ViewQuery,RowLimit`)).results;
  const write = async (method: "POST", path: string, body?: object, headers?: Record<string, string>) => {
    await rest.request(method, path, body, headers);
    report.writes++;
  };
  const setFields = async (viewId: string, v: ViewSpec) => {
    const view = `${list}/views(guid'${viewId}')/viewfields`;
    await write("POST", `${view}/removeallviewfields`);
    for (const f of v.fields) await write("POST", `${view}/addviewfield('${quote(f)}')`);
  };

  for (const v of schema.views) {
    const want = { ViewQuery: viewCaml(schema, v), RowLimit: VIEW_ROW_LIMIT };
    const cur = existing.find((x) => x.Title === v.name);
    if (!cur) {
      if (!opts.dryRun) {
        const made = await rest.request<SpView>("POST", `${list}/views`, { __metadata: { type: "SP.View" }, Title: v.name, PersonalView: false, ...want });
        report.writes++;
        await setFields(made.Id, v);
      }
      report.created.push(v.name);
      continue;
    }
    const diffs: string[] = [];
    // SharePoint may store CAML with other whitespace: compare without it between tags
    if (normalise(cur.ViewQuery ?? "") !== normalise(want.ViewQuery)) diffs.push("query");
    if (cur.RowLimit !== want.RowLimit) diffs.push("row limit");
    const fields = (await rest.request<{ Items: { results: string[] } }>("GET", `${list}/views(guid'${cur.Id}')/viewfields`)).Items.results;
    const fieldsDiffer = fields.join(",") !== v.fields.join(",");
    if (fieldsDiffer) diffs.push("fields");
    if (!diffs.length) {
      report.unchanged.push(v.name);
      continue;
    }
    if (!opts.dryRun) {
      if (diffs.includes("query") || diffs.includes("row limit")) {
        await write("POST", `${list}/views(guid'${cur.Id}')`, { __metadata: { type: "SP.View" }, ...want }, { "x-http-method": "MERGE", "if-match": "*" });
      }
      if (fieldsDiffer) await setFields(cur.Id, v);
    }
    report.updated.push(`${v.name} (${diffs.join(", ")})`);
  }
  return report;
}

const normalise = (caml: string) => caml.replace(/>\s+</g, "><").replace(/\s+\/>/g, "/>").trim();
