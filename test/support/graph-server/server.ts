// A local, Graph-compatible server for tests and benchmarks: real HTTP (node:http),
// the Entra token endpoint msal-node calls, and the SharePoint list endpoints the
// adapters and the provisioning use. Strict like Graph: every column body and item
// write is checked against the list's columns (which come from infra/sharepoint),
// unknown fields and wrong types are 400 with a Graph-shaped error body, the bearer
// token is checked, filters on non-indexed columns are refused. Faults on command.
// Also the SharePoint REST endpoints for list views (sharepoint-rest.ts) under the site's
// path, which take only a token for the SharePoint resource obtained with a certificate.
import { createHash, createPublicKey, randomUUID, verify as verifySig, constants, X509Certificate } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { systemClock, type Clock } from "../../../src/incidents/clock";
import { loadListSchema, toGraphColumn, type ListSchema } from "../../../src/m365/list-schema";
import { builtInColumns, checkColumnBody, checkFields, noteLimits, typeOf, type ColumnDef } from "./columns";
import { badRequest, errorBody, HttpError, notFound } from "./errors";
import { Faults } from "./faults";
import { compare, parseFilter } from "./filter";
import { defaultView, sharePointErrorBody, sharePointRest, type FakeView } from "./sharepoint-rest";
import { makeKey, signJwt, type TestKey } from "../openid-server";

export interface FakeGraphOptions {
  tenantId?: string;
  clientId?: string;
  /** accepted client secret */
  clientSecret?: string;
  /** PEM certificate whose key signs accepted client assertions */
  clientCertificatePem?: string;
  /** SharePoint host and site path the server holds */
  hostname?: string;
  sitePath?: string;
  clock?: Clock;
  /** added to every Graph answer (real time), e.g. 50 for a realistic round trip */
  latencyMs?: number;
  /** lists created up front from infra/sharepoint schemas (e.g. ["incidents"]) */
  seed?: string[];
  /** largest page of items; Graph's default is 200 */
  pageSize?: number;
  tokenLifetimeS?: number;
}

export interface Item {
  id: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  webUrl: string;
  fields: Record<string, unknown>;
}

export interface FakeList {
  id: string;
  name: string;
  displayName: string;
  description: string;
  columns: ColumnDef[];
  items: Map<string, Item>;
  nextItemId: number;
  schema?: ListSchema;
  /** list views (SharePoint REST only; Graph cannot see them) */
  views: FakeView[];
}

export interface RequestLog {
  method: string;
  path: string;
  status: number;
}

export class FakeGraph {
  readonly faults: Faults;
  readonly requests: RequestLog[] = [];
  tokenRequests = 0;
  readonly siteId: string;
  readonly lists = new Map<string, FakeList>();
  /** access token -> expiry, audience, whether a certificate got it, and the user of a delegated (on-behalf-of) token */
  private readonly tokens = new Map<string, { exp: number; aud: string; viaCertificate: boolean; oid?: string }>();
  /** the tenant's signing key for users' tokens (Teams SSO), published as its OpenID keys; rotateUserKey() replaces it */
  userKey: TestKey = makeKey();
  /** requests for the tenant's OpenID metadata and keys */
  discoveryRequests = 0;

  /** Entra's key rollover: a new key signs and is published, the old one is gone */
  rotateUserKey(): void {
    this.userKey = makeKey();
  }
  /** group id -> member object ids, for POST /me/checkMemberGroups */
  readonly groupMembers = new Map<string, Set<string>>();
  /** on-behalf-of exchanges made so far */
  oboRequests = 0;
  private server: http.Server | undefined;
  private readonly o: Required<Omit<FakeGraphOptions, "clientCertificatePem" | "clientSecret">> & Pick<FakeGraphOptions, "clientCertificatePem" | "clientSecret">;
  private readonly sockets = new Set<import("node:net").Socket>();
  url = "";

  constructor(opts: FakeGraphOptions = {}) {
    this.o = {
      tenantId: "00000000-0000-4000-8000-00000000a11c",
      clientId: "11111111-1111-4111-8111-111111111111",
      clientSecret: opts.clientCertificatePem ? undefined : "fake-secret",
      hostname: "contoso.sharepoint.com",
      sitePath: "/sites/policy",
      clock: systemClock,
      latencyMs: 0,
      seed: [],
      pageSize: 200,
      tokenLifetimeS: 3599,
      ...opts,
    };
    this.faults = new Faults(this.o.clock);
    this.siteId = `${this.o.hostname},${uuidFrom("site")},${uuidFrom("web")}`;
    // a seeded list is what provisioning would have made: columns and SharePoint's own Title settings
    for (const key of this.o.seed) {
      const s = loadListSchema(key);
      const list = this.createList(s.displayName, s.description, s.columns.map(toGraphColumn), s);
      for (const b of s.builtIn) Object.assign(list.columns.find((c) => c.name === b.name)!, { displayName: b.displayName, indexed: b.indexed, enforceUniqueValues: b.unique });
    }
  }

  get tenantId(): string {
    return this.o.tenantId;
  }
  get clientId(): string {
    return this.o.clientId;
  }
  get clientSecret(): string | undefined {
    return this.o.clientSecret;
  }
  /** "contoso.sharepoint.com:/sites/policy" */
  get site(): string {
    return `${this.o.hostname}:${this.o.sitePath}`;
  }
  /** the audience of SharePoint REST tokens: https://contoso.sharepoint.com */
  get sharePointResource(): string {
    return `https://${this.o.hostname}`;
  }
  get webUrl(): string {
    return `https://${this.o.hostname}${this.o.sitePath}`;
  }
  set latencyMs(ms: number) {
    this.o.latencyMs = ms;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5000;
    this.server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** the list by display name (for assertions) */
  list(displayName: string): FakeList | undefined {
    return [...this.lists.values()].find((l) => l.displayName === displayName);
  }

  /** items of a list whose field equals value */
  itemsWhere(displayName: string, field: string, value: unknown): Item[] {
    return [...(this.list(displayName)?.items.values() ?? [])].filter((i) => i.fields[field] === value);
  }

  /** every access token handed out so far (tests search logs for them) */
  issuedTokens(): string[] {
    return [...this.tokens.keys()];
  }

  /** Graph requests (not token) made so far, optionally by method */
  graphCalls(method?: string): number {
    return this.requests.filter((r) => !r.path.includes("/oauth2/") && !r.path.includes("/_api/") && (!method || r.method === method)).length;
  }

  /** SharePoint REST requests made so far, optionally by method */
  sharePointCalls(method?: string): number {
    return this.requests.filter((r) => r.path.includes("/_api/") && (!method || r.method === method)).length;
  }

  createList(displayName: string, description: string, columns: unknown[], schema?: ListSchema): FakeList {
    const id = randomUUID();
    const cols = builtInColumns(randomUUID);
    for (const c of columns) {
      const body = checkColumnBody(c, true);
      if (cols.some((x) => x.name === body.name)) throw new HttpError(409, "nameAlreadyExists", `A column named '${body.name}' already exists`);
      cols.push({ ...(body as ColumnDef), id: randomUUID() });
    }
    const list: FakeList = { id, name: displayName.replace(/[^A-Za-z0-9]/g, ""), displayName, description, columns: cols, items: new Map(), nextItemId: 1, schema, views: [defaultView()] };
    this.lists.set(id, list);
    return list;
  }

  // ---- HTTP ----

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const url = new URL(req.url ?? "/", "http://x");
    const method = (req.method ?? "GET").toUpperCase();
    const isToken = /\/oauth2\/v2\.0\/token$/.test(url.pathname);
    const spApi = `${this.o.sitePath}/_api/`;
    const isSharePoint = url.pathname.startsWith(spApi);
    const path = isToken ? url.pathname : url.pathname.replace(/^\/v1\.0/, "");
    const log: RequestLog = { method, path: url.pathname, status: 0 };
    this.requests.push(log);
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      log.status = status;
      res.writeHead(status, { "content-type": "application/json", "request-id": requestId, ...headers });
      res.end(body);
    };
    try {
      const raw = await readBody(req);
      if (!isToken && this.o.latencyMs > 0) await new Promise((r) => setTimeout(r, this.o.latencyMs));
      const fault = this.faults.take(method, path);
      if (fault?.kind === "drop") return void destroy(req, log);
      if (fault?.kind === "status") {
        const h: Record<string, string> = fault.retryAfterS !== undefined ? { "retry-after": String(fault.retryAfterS) } : {};
        const code = fault.code ?? (fault.status === 429 ? "TooManyRequests" : fault.status === 503 ? "serviceNotAvailable" : "generalException");
        return send(fault.status, errorBody(new HttpError(fault.status, code, `injected ${fault.status}`), requestId), h);
      }
      const discovery = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys)$/.exec(url.pathname);
      if (discovery && method === "GET") return send(200, JSON.stringify(this.discovery(decodeURIComponent(discovery[1]), discovery[2])));
      if (isToken) {
        this.tokenRequests++;
        return send(200, JSON.stringify(this.token(url.pathname, raw)));
      }
      if (this.faults.inOutage()) {
        return send(503, errorBody(new HttpError(503, "serviceNotAvailable", "The service is temporarily unavailable (outage)"), requestId), { "retry-after": String(this.faults.outageRetryAfter) });
      }
      const body = raw.length ? parseJson(raw) : undefined;
      let out: { status: number; body?: unknown };
      if (isSharePoint) {
        this.checkBearer(req.headers.authorization, this.sharePointResource);
        out = sharePointRest(this.lists, method, decodeURIComponent(url.pathname.slice(spApi.length)), body, req.headers);
      } else if (path === "/me/checkMemberGroups") {
        out = this.checkMemberGroups(this.checkBearer(req.headers.authorization, "https://graph.microsoft.com"), method, body);
      } else {
        this.checkBearer(req.headers.authorization, "https://graph.microsoft.com");
        out = this.route(method, path, url.searchParams, body, req.headers);
      }
      if (fault?.kind === "drop-after") return void destroy(req, log);
      if (fault?.kind === "delay-after") await new Promise((r) => setTimeout(r, fault.ms));
      send(out.status, out.body === undefined ? "" : JSON.stringify(out.body));
    } catch (e) {
      const he = e instanceof HttpError ? e : new HttpError(500, "generalException", e instanceof Error ? e.message : String(e));
      // Entra answers in OAuth's error format, Graph in its own
      if (isToken) send(he.status, JSON.stringify({ error: he.code, error_description: he.message, error_codes: [Number(/AADSTS(\d+)/.exec(he.message)?.[1] ?? 0)], timestamp: new Date().toISOString(), trace_id: requestId, correlation_id: requestId }));
      else if (isSharePoint) send(he.status, sharePointErrorBody(he), he.headers);
      else send(he.status, errorBody(he, requestId), he.headers);
    }
  }

  private token(path: string, raw: Buffer): object {
    const tenant = path.split("/")[1];
    if (decodeURIComponent(tenant) !== this.o.tenantId) throw new HttpError(400, "invalid_request", "AADSTS90002: Tenant not found");
    const p = new URLSearchParams(raw.toString("utf8"));
    if (p.get("grant_type") === "urn:ietf:params:oauth:grant-type:jwt-bearer" && p.get("requested_token_use") === "on_behalf_of") return this.onBehalfOf(p);
    if (p.get("grant_type") !== "client_credentials") throw new HttpError(400, "unsupported_grant_type", "client_credentials only");
    if (p.get("client_id") !== this.o.clientId) throw new HttpError(400, "unauthorized_client", "AADSTS700016: Application not found");
    const aud = ["https://graph.microsoft.com", this.sharePointResource].find((r) => p.get("scope") === `${r}/.default`);
    if (!aud) throw new HttpError(400, "invalid_scope", "AADSTS1002012: scope must be <resource>/.default");
    if (this.o.clientCertificatePem) {
      if (p.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") throw new HttpError(401, "invalid_client", "AADSTS7000216: client_assertion is required");
      this.checkAssertion(p.get("client_assertion") ?? "");
    } else if (p.get("client_secret") !== this.o.clientSecret) {
      throw new HttpError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided");
    }
    const token = `fake.${randomUUID()}`;
    this.tokens.set(token, { exp: this.o.clock.now() + this.o.tokenLifetimeS * 1000, aud, viaCertificate: !!this.o.clientCertificatePem });
    return { token_type: "Bearer", expires_in: this.o.tokenLifetimeS, ext_expires_in: this.o.tokenLifetimeS, access_token: token };
  }

  /** verifies the msal client assertion's signature with the registered certificate */
  private checkAssertion(jwt: string): void {
    const [h, pl, sig] = jwt.split(".");
    if (!h || !pl || !sig) throw new HttpError(401, "invalid_client", "AADSTS50027: malformed assertion");
    const header = JSON.parse(Buffer.from(h, "base64url").toString()) as { alg?: string; "x5t#S256"?: string };
    const payload = JSON.parse(Buffer.from(pl, "base64url").toString()) as { iss?: string; sub?: string; exp?: number };
    const cert = new X509Certificate(this.o.clientCertificatePem!);
    const key = createPublicKey(cert.publicKey.export({ type: "spki", format: "pem" }));
    const data = Buffer.from(`${h}.${pl}`);
    const ok =
      header.alg === "PS256"
        ? verifySig("sha256", data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, Buffer.from(sig, "base64url"))
        : header.alg === "RS256" && verifySig("sha256", data, key, Buffer.from(sig, "base64url"));
    const thumb = createHash("sha256").update(cert.raw).digest("base64url");
    if (!ok || payload.iss !== this.o.clientId || payload.sub !== this.o.clientId || (header["x5t#S256"] && header["x5t#S256"] !== thumb)) {
      throw new HttpError(401, "invalid_client", "AADSTS700027: client assertion failed signature validation");
    }
  }

  private checkBearer(auth: string | undefined, audience: string): { oid?: string } {
    const m = /^Bearer (.+)$/.exec(auth ?? "");
    const t = m ? this.tokens.get(m[1]) : undefined;
    if (!m) throw new HttpError(401, "InvalidAuthenticationToken", "Access token is empty.");
    if (t === undefined || t.exp < this.o.clock.now() || t.aud !== audience) throw new HttpError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
    // SharePoint REST refuses app-only tokens that a client secret obtained
    if (audience !== "https://graph.microsoft.com" && !t.viaCertificate) throw new HttpError(401, "Microsoft.SharePoint.Client.UnauthorizedAccessException", "Unsupported app only token.");
    return { oid: t.oid };
  }

  // ---- users: Teams SSO tokens, on-behalf-of, group membership ----

  /** the v2 issuer of this tenant, as Entra writes it into users' tokens */
  get issuer(): string {
    return `${this.url}/${this.o.tenantId}/v2.0`;
  }

  /** a user's access token for the app, as Teams' getAuthToken hands it to a tab (claims may be overridden, key replaced) */
  userToken(o: { oid: string; claims?: Record<string, unknown>; key?: TestKey; header?: Record<string, unknown> }): string {
    const now = Math.floor(this.o.clock.now() / 1000);
    const claims = { aud: this.o.clientId, iss: this.issuer, iat: now, nbf: now, exp: now + 3600, tid: this.o.tenantId, oid: o.oid, scp: "access_as_user", ver: "2.0", ...o.claims };
    return signJwt(claims, o.key ?? this.userKey, o.header);
  }

  private discovery(tenant: string, what: string): object {
    this.discoveryRequests++;
    if (tenant !== this.o.tenantId) throw new HttpError(400, "invalid_tenant", "AADSTS90002: Tenant not found");
    if (what.startsWith("discovery")) {
      const { n, e } = this.userKey.publicKey.export({ format: "jwk" });
      return { keys: [{ kty: "RSA", use: "sig", kid: this.userKey.kid, n, e }] };
    }
    const base = `${this.url}/${tenant}`;
    return { issuer: this.issuer, jwks_uri: `${base}/discovery/v2.0/keys`, token_endpoint: `${base}/oauth2/v2.0/token`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, id_token_signing_alg_values_supported: ["RS256"] };
  }

  /** Entra's on-behalf-of grant: the user's token (signed by this tenant, for this app) for a delegated Graph token */
  private onBehalfOf(p: URLSearchParams): object {
    this.oboRequests++;
    if (p.get("client_id") !== this.o.clientId || p.get("client_secret") !== this.o.clientSecret) throw new HttpError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided");
    if (!(p.get("scope") ?? "").split(" ").some((s) => s.startsWith("https://graph.microsoft.com/"))) throw new HttpError(400, "invalid_scope", "AADSTS70011: invalid scope");
    const [h, pl, sig] = (p.get("assertion") ?? "").split(".");
    if (!h || !pl || !sig) throw new HttpError(400, "invalid_grant", "AADSTS50027: malformed assertion");
    const claims = JSON.parse(Buffer.from(pl, "base64url").toString()) as { aud?: string; oid?: string; exp?: number; iss?: string };
    const ok = verifySig("sha256", Buffer.from(`${h}.${pl}`), this.userKey.publicKey, Buffer.from(sig, "base64url"));
    if (!ok || claims.aud !== this.o.clientId || claims.iss !== this.issuer || !claims.oid || (claims.exp ?? 0) * 1000 < this.o.clock.now()) {
      throw new HttpError(400, "invalid_grant", "AADSTS50013: Assertion failed signature validation");
    }
    const token = `fake.${randomUUID()}`;
    this.tokens.set(token, { exp: this.o.clock.now() + this.o.tokenLifetimeS * 1000, aud: "https://graph.microsoft.com", viaCertificate: false, oid: claims.oid });
    return { token_type: "Bearer", scope: p.get("scope"), expires_in: this.o.tokenLifetimeS, ext_expires_in: this.o.tokenLifetimeS, access_token: token };
  }

  private checkMemberGroups(t: { oid?: string }, method: string, body: unknown): { status: number; body?: unknown } {
    if (method !== "POST") throw new HttpError(405, "Request_BadRequest", "Method not allowed");
    if (!t.oid) throw new HttpError(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
    const ids = (body as { groupIds?: unknown })?.groupIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 20) throw badRequest("groupIds: 1 to 20 group ids");
    return { status: 200, body: { value: ids.filter((g) => typeof g === "string" && this.groupMembers.get(g)?.has(t.oid!)) } };
  }

  // ---- routes ----

  private route(method: string, path: string, q: URLSearchParams, body: unknown, headers: http.IncomingHttpHeaders): { status: number; body?: unknown } {
    const seg = path.split("/").filter(Boolean).map(decodeURIComponent);
    if (seg[0] !== "sites" || seg.length < 2) throw new HttpError(400, "BadRequest", `Resource not found for the segment '${seg[0] ?? ""}'.`);
    // /sites/{host}:/{path...}  or  /sites/{id}/...
    let rest: string[];
    const colon = path.indexOf(":/");
    if (colon > 0) {
      const host = decodeURIComponent(path.slice("/sites/".length, colon));
      const sitePath = decodeURIComponent(path.slice(colon + 1).replace(/:$/, ""));
      if (host !== this.o.hostname || sitePath !== this.o.sitePath) throw notFound("Requested site could not be found");
      if (method !== "GET") throw new HttpError(405, "notSupported", "Method not allowed");
      return { status: 200, body: this.siteBody() };
    }
    if (seg[1] !== this.siteId) throw notFound("Requested site could not be found");
    rest = seg.slice(2);
    if (rest.length === 0 && method === "GET") return { status: 200, body: this.siteBody() };
    if (rest[0] !== "lists") throw badRequest(`Unsupported segment '${rest[0]}'`);
    if (rest.length === 1) {
      if (method === "GET") return { status: 200, body: { value: [...this.lists.values()].map((l) => this.listBody(l)) } };
      if (method === "POST") return { status: 201, body: this.listBody(this.postList(body)) };
    }
    const list = this.lists.get(rest[1]) ?? this.list(rest[1]);
    if (!list) throw notFound("The specified list was not found");
    if (rest.length === 2 && method === "GET") return { status: 200, body: this.listBody(list) };
    if (rest[2] === "columns") return this.columns(method, list, rest.slice(3), body);
    if (rest[2] === "items") return this.items(method, list, rest.slice(3), q, body, headers);
    throw badRequest(`Unsupported request ${method} ${path}`);
  }

  private siteBody(): object {
    return { id: this.siteId, name: this.o.sitePath.split("/").pop(), displayName: "Policy", webUrl: this.webUrl };
  }

  private listBody(l: FakeList): object {
    return { id: l.id, name: l.name, displayName: l.displayName, description: l.description, webUrl: `${this.webUrl}/Lists/${l.name}`, list: { template: "genericList" } };
  }

  private postList(body: unknown): FakeList {
    const b = body as { displayName?: unknown; description?: unknown; columns?: unknown; list?: { template?: unknown } } | undefined;
    if (!b || typeof b.displayName !== "string" || !b.displayName) throw badRequest("displayName is required");
    for (const k of Object.keys(b)) if (!["displayName", "description", "columns", "list"].includes(k)) throw badRequest(`Unknown property '${k}' on list`);
    if (b.list?.template !== "genericList") throw badRequest("list.template must be genericList");
    if (this.list(b.displayName)) throw new HttpError(409, "nameAlreadyExists", `A list named '${b.displayName}' already exists`);
    if (b.columns !== undefined && !Array.isArray(b.columns)) throw badRequest("columns must be an array");
    const schema = [...["incidents", "approvals"]].map((k) => loadListSchema(k)).find((s) => s.displayName === b.displayName);
    return this.createList(b.displayName, typeof b.description === "string" ? b.description : "", (b.columns as unknown[]) ?? [], schema);
  }

  private columns(method: string, list: FakeList, rest: string[], body: unknown): { status: number; body?: unknown } {
    if (rest.length === 0 && method === "GET") return { status: 200, body: { value: list.columns } };
    if (rest.length === 0 && method === "POST") {
      const b = checkColumnBody(body, true);
      if (list.columns.some((c) => c.name === b.name)) throw new HttpError(409, "nameAlreadyExists", `A column named '${b.name}' already exists`);
      const col = { ...(b as ColumnDef), id: randomUUID() };
      list.columns.push(col);
      return { status: 201, body: col };
    }
    const col = list.columns.find((c) => c.id === rest[0] || c.name === rest[0]);
    if (!col) throw notFound("Column not found");
    if (method === "GET") return { status: 200, body: col };
    if (method === "PATCH") {
      if (col.readOnly) throw badRequest(`Column '${col.name}' is read-only`);
      const b = checkColumnBody(body, false, col);
      Object.assign(col, b);
      return { status: 200, body: col };
    }
    throw new HttpError(405, "notSupported", "Method not allowed");
  }

  private items(method: string, list: FakeList, rest: string[], q: URLSearchParams, body: unknown, headers: http.IncomingHttpHeaders): { status: number; body?: unknown } {
    const expand = q.get("$expand") ?? q.get("expand") ?? "";
    const withFields = /^fields(\(|$)/.test(expand);
    if (rest.length === 0 && method === "POST") {
      const b = body as { fields?: unknown } | undefined;
      if (!b || typeof b !== "object") throw badRequest("Invalid request body");
      for (const k of Object.keys(b)) if (k !== "fields") throw badRequest(`Unknown property '${k}' on listItem`);
      const fields = checkFields(list.columns, b.fields, true, noteLimits(list.schema));
      this.checkUnique(list, fields);
      const now = new Date(this.o.clock.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
      const id = String(list.nextItemId++);
      const item: Item = { id, createdDateTime: now, lastModifiedDateTime: now, webUrl: `${this.webUrl}/Lists/${list.name}/DispForm.aspx?ID=${id}`, fields: { ...fields, id, Created: now, Modified: now } };
      list.items.set(id, item);
      return { status: 201, body: this.itemBody(list, item, true) };
    }
    if (rest.length === 0 && method === "GET") {
      let items = [...list.items.values()];
      const filter = q.get("$filter") ?? q.get("filter");
      const honour = String(headers["prefer"] ?? "").includes("HonorNonIndexedQueriesWarningMayFailRandomly");
      if (filter) {
        if (!withFields) throw badRequest("Filtering on fields requires $expand=fields");
        const clauses = parseFilter(filter);
        for (const c of clauses) {
          const col = list.columns.find((x) => x.name === c.field);
          if (!col) throw badRequest(`Field '${c.field}' is not recognized`);
          if (!col.indexed && !honour) throw badRequest(`Field '${c.field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`);
          items = items.filter((i) => compare(i.fields[c.field], c, typeOf(col)));
        }
      }
      const orderby = q.get("$orderby") ?? q.get("orderby");
      if (orderby) {
        const m = /^fields\/([A-Za-z0-9_]+)(\s+(asc|desc))?$/.exec(orderby.trim());
        if (!m) throw badRequest("Invalid orderby clause");
        const col = list.columns.find((x) => x.name === m[1]);
        if (!col) throw badRequest(`Field '${m[1]}' is not recognized`);
        if (!col.indexed && !honour) throw badRequest(`Field '${m[1]}' cannot be referenced in filter or orderby as it is not indexed.`);
        const dir = m[3] === "desc" ? -1 : 1;
        items.sort((a, b) => (String(a.fields[m[1]] ?? "") < String(b.fields[m[1]] ?? "") ? -dir : String(a.fields[m[1]] ?? "") > String(b.fields[m[1]] ?? "") ? dir : 0));
      }
      const top = Math.min(Number(q.get("$top") ?? q.get("top") ?? this.o.pageSize) || this.o.pageSize, this.o.pageSize);
      const skip = Number(q.get("$skiptoken") ?? 0) || 0;
      const page = items.slice(skip, skip + top);
      const out: Record<string, unknown> = { value: page.map((i) => this.itemBody(list, i, withFields)) };
      if (skip + top < items.length) {
        const next = new URLSearchParams(q);
        next.set("$skiptoken", String(skip + top));
        out["@odata.nextLink"] = `${this.url}/v1.0/sites/${this.siteId}/lists/${list.id}/items?${next.toString()}`;
      }
      return { status: 200, body: out };
    }
    const item = list.items.get(rest[0]);
    if (!item) throw notFound("The item could not be found");
    if (rest.length === 1 && method === "GET") return { status: 200, body: this.itemBody(list, item, withFields) };
    if (rest.length === 2 && rest[1] === "fields" && method === "PATCH") {
      const fields = checkFields(list.columns, body, false, noteLimits(list.schema));
      this.checkUnique(list, fields, item.id);
      Object.assign(item.fields, fields);
      item.lastModifiedDateTime = new Date(this.o.clock.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
      item.fields.Modified = item.lastModifiedDateTime;
      return { status: 200, body: item.fields };
    }
    throw new HttpError(405, "notSupported", "Method not allowed");
  }

  private checkUnique(list: FakeList, fields: Record<string, unknown>, selfId?: string): void {
    for (const c of list.columns) {
      if (!c.enforceUniqueValues || fields[c.name] === undefined) continue;
      for (const other of list.items.values()) {
        if (other.id !== selfId && other.fields[c.name] === fields[c.name]) throw new HttpError(409, "nameAlreadyExists", `The value of '${c.name}' must be unique in the list`);
      }
    }
  }

  private itemBody(list: FakeList, item: Item, withFields: boolean): object {
    const base = { id: item.id, createdDateTime: item.createdDateTime, lastModifiedDateTime: item.lastModifiedDateTime, webUrl: item.webUrl, parentReference: { siteId: this.siteId }, contentType: { name: "Item" } };
    if (!withFields) return base;
    const fields: Record<string, unknown> = { "@odata.etag": `"${item.id},1"` };
    for (const [k, v] of Object.entries(item.fields)) if (v !== null && v !== undefined) fields[k] = v;
    void list;
    return { ...base, fields };
  }
}

function destroy(req: http.IncomingMessage, log: RequestLog): void {
  log.status = -1;
  req.socket.destroy();
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let n = 0;
    req.on("data", (c: Buffer) => {
      n += c.length;
      if (n > 4 * 1024 * 1024) reject(new HttpError(413, "requestTooLarge", "The request body is too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("Invalid JSON in the request body");
  }
}

/** a stable uuid-looking id from a label */
function uuidFrom(label: string): string {
  const h = createHash("sha256").update(label).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function startFakeGraph(opts: FakeGraphOptions = {}): Promise<FakeGraph> {
  return new FakeGraph(opts).start();
}
