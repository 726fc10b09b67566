// The few SharePoint REST endpoints provisioning uses for list views (Graph has no view
// API): list, create and update views, read and set their fields. odata=verbose only
// (the documented payloads). Strict: an unknown list or view is 404, a malformed body,
// an unknown property, CAML that is not well-formed or names a column the list lacks,
// or an unknown view field is 400. A view title that exists already is refused (409) so
// a client that is not idempotent is caught. The caller checks the SharePoint token.
import { randomUUID } from "node:crypto";
import type * as http from "node:http";
import { badRequest, HttpError, notFound } from "./errors";
import type { FakeList } from "./server";

export interface FakeView {
  Id: string;
  Title: string;
  ViewQuery: string;
  RowLimit: number;
  PersonalView: boolean;
  fields: string[];
}

/** the view SharePoint puts on every new list */
export function defaultView(): FakeView {
  return { Id: randomUUID(), Title: "All Items", ViewQuery: '<OrderBy><FieldRef Name="ID" /></OrderBy>', RowLimit: 30, PersonalView: false, fields: ["LinkTitle"] };
}

/** fields a view may show that are not list columns */
const VIEW_ONLY_FIELDS = new Set(["ID", "LinkTitle", "LinkTitleNoMenu", "DocIcon", "Edit"]);

const GUID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";

/** verbose error body: {error: {code, message: {lang, value}}} */
export function sharePointErrorBody(e: HttpError): string {
  return JSON.stringify({ error: { code: `-2147024809, ${e.code}`, message: { lang: "en-US", value: e.message } } });
}

export function sharePointRest(
  lists: Map<string, FakeList>,
  method: string,
  apiPath: string,
  body: unknown,
  headers: http.IncomingHttpHeaders,
): { status: number; body?: unknown } {
  if (!String(headers.accept ?? "").includes("odata=verbose")) throw badRequest("this fake speaks Accept: application/json;odata=verbose only");
  const m = new RegExp(`^web/lists\\(guid'([^']*)'\\)/views(?:\\(guid'([^']*)'\\)(/viewfields(?:/(removeallviewfields|addviewfield\\('([^']*)'\\)))?)?)?$`).exec(apiPath);
  if (!m) throw badRequest(`Unsupported SharePoint REST request ${method} ${apiPath}`);
  const [, listId, viewId, fieldsSeg, fieldOp, fieldName] = m;
  if (!new RegExp(`^${GUID}$`).test(listId)) throw badRequest(`Invalid guid '${listId}'`);
  const list = lists.get(listId.toLowerCase());
  if (!list) throw notFound(`List '${listId}' does not exist at site`);
  const views = list.views;

  if (viewId === undefined) {
    if (method === "GET") return { status: 200, body: { d: { results: views.map(viewBody) } } };
    if (method === "POST") {
      const v = checkViewBody(list, body, headers, true);
      if (views.some((x) => x.Title === v.Title)) throw new HttpError(409, "SPDuplicateValuesFoundException", `A view named '${v.Title}' already exists`);
      const view: FakeView = { Id: randomUUID(), Title: v.Title!, ViewQuery: v.ViewQuery ?? "", RowLimit: v.RowLimit ?? 30, PersonalView: false, fields: ["LinkTitle"] };
      views.push(view);
      return { status: 201, body: { d: viewBody(view) } };
    }
    throw new HttpError(405, "notSupported", "Method not allowed");
  }
  if (!new RegExp(`^${GUID}$`).test(viewId)) throw badRequest(`Invalid guid '${viewId}'`);
  const view = views.find((v) => v.Id === viewId.toLowerCase());
  if (!view) throw notFound(`View '${viewId}' does not exist`);

  if (!fieldsSeg) {
    if (method === "GET") return { status: 200, body: { d: viewBody(view) } };
    if (method === "POST" && String(headers["x-http-method"] ?? "").toUpperCase() === "MERGE") {
      const v = checkViewBody(list, body, headers, false);
      if (v.Title !== undefined && v.Title !== view.Title && views.some((x) => x.Title === v.Title)) throw new HttpError(409, "SPDuplicateValuesFoundException", `A view named '${v.Title}' already exists`);
      Object.assign(view, v);
      return { status: 204 };
    }
    throw new HttpError(405, "notSupported", "Method not allowed (update with POST and X-HTTP-Method: MERGE)");
  }
  if (!fieldOp) {
    if (method !== "GET") throw new HttpError(405, "notSupported", "Method not allowed");
    return { status: 200, body: { d: { __metadata: { type: "SP.ViewFieldCollection" }, Items: { __metadata: { type: "Collection(Edm.String)" }, results: [...view.fields] }, SchemaXml: view.fields.map((f) => `<FieldRef Name="${f}" />`).join("") } } };
  }
  if (method !== "POST") throw new HttpError(405, "notSupported", "Method not allowed");
  if (body !== undefined) throw badRequest(`${fieldOp.replace(/\(.*/, "")} takes no body`);
  if (fieldOp === "removeallviewfields") {
    view.fields = [];
    return { status: 200, body: { d: { RemoveAllViewFields: null } } };
  }
  if (!list.columns.some((c) => c.name === fieldName) && !VIEW_ONLY_FIELDS.has(fieldName)) throw badRequest(`Column '${fieldName}' does not exist. It may have been deleted by another user.`);
  if (!view.fields.includes(fieldName)) view.fields.push(fieldName);
  return { status: 200, body: { d: { AddViewField: null } } };
}

function viewBody(v: FakeView): object {
  return { __metadata: { type: "SP.View" }, Id: v.Id, Title: v.Title, ViewQuery: v.ViewQuery, RowLimit: v.RowLimit, PersonalView: v.PersonalView };
}

type ViewWrite = Partial<Pick<FakeView, "Title" | "ViewQuery" | "RowLimit" | "PersonalView">>;

function checkViewBody(list: FakeList, body: unknown, headers: http.IncomingHttpHeaders, create: boolean): ViewWrite {
  if (!String(headers["content-type"] ?? "").includes("odata=verbose")) throw badRequest("Content-Type must be application/json;odata=verbose");
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("Invalid request body");
  const b = body as Record<string, unknown>;
  const meta = b.__metadata as { type?: unknown } | undefined;
  if (meta?.type !== "SP.View") throw badRequest("A type name must be specified: __metadata.type 'SP.View'");
  for (const k of Object.keys(b)) if (!["__metadata", "Title", "ViewQuery", "RowLimit", "PersonalView"].includes(k)) throw badRequest(`The property '${k}' does not exist on type 'SP.View'`);
  const out: ViewWrite = {};
  if (b.Title !== undefined || create) {
    if (typeof b.Title !== "string" || !b.Title.trim() || b.Title.length > 255) throw badRequest("Title must be a non-empty string of at most 255 characters");
    out.Title = b.Title;
  }
  if (b.ViewQuery !== undefined) {
    if (typeof b.ViewQuery !== "string") throw badRequest("ViewQuery must be a string");
    checkCaml(list, b.ViewQuery);
    out.ViewQuery = b.ViewQuery;
  }
  if (b.RowLimit !== undefined) {
    if (typeof b.RowLimit !== "number" || !Number.isInteger(b.RowLimit) || b.RowLimit < 1 || b.RowLimit > 5000) throw badRequest("RowLimit must be an integer from 1 to 5000");
    out.RowLimit = b.RowLimit;
  }
  if (b.PersonalView !== undefined) {
    if (typeof b.PersonalView !== "boolean") throw badRequest("PersonalView must be a boolean");
    if (b.PersonalView) throw badRequest("An app-only identity cannot create a personal view");
    if (!create) throw badRequest("PersonalView cannot be changed");
  }
  return out;
}

/** CAML must be well-formed and every FieldRef must name a column of the list */
function checkCaml(list: FakeList, caml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z]+)((?:\s+[A-Za-z]+="[^"<]*")*)\s*(\/?)>/g;
  let at = 0;
  for (let m = tag.exec(caml); m; m = tag.exec(caml)) {
    if (/[<>]/.test(caml.slice(at, m.index))) throw badRequest("ViewQuery is not well-formed XML");
    at = m.index + m[0].length;
    const [, close, name, attrs, selfClose] = m;
    if (name === "FieldRef") {
      const ref = /Name="([^"]*)"/.exec(attrs)?.[1];
      if (!ref || (!list.columns.some((c) => c.name === ref) && !VIEW_ONLY_FIELDS.has(ref))) throw badRequest(`ViewQuery: field '${ref ?? ""}' does not exist in the list`);
    }
    if (close) {
      if (stack.pop() !== name) throw badRequest(`ViewQuery is not well-formed XML: unexpected </${name}>`);
    } else if (!selfClose) stack.push(name);
  }
  if (/[<>]/.test(caml.slice(at)) || stack.length) throw badRequest("ViewQuery is not well-formed XML");
}
