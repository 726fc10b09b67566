// The tab's routes on the bot's restify server: the pages (/tab/checker, /tab/policy,
// /tab/admin), their script and stylesheet (/tab/assets/, built into dist/tab by
// scripts/build-tab.js), and the API (/tab/api/). Every API call is authorised here:
// with an app id, by the Teams SSO token (sso-token.ts) and, for /tab/api/admin/, by the
// admin role or group (admin-check.ts); without one (local development) only from the
// loopback interface, as the local developer. Logs carry route, status and codes only.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import Negotiator from "negotiator";
import type * as restify from "restify";
import type { Logger } from "../logging";
import type { PolicyLibrary } from "../policy/types";
import type { IncidentService } from "../incidents/service";
import { STATUSES, type IncidentStatus } from "../incidents/model";
import type { ApprovalService } from "../approvals/service";
import { APPROVAL_STATUSES, type ApprovalStatus } from "../approvals/model";
import { allowTeamsFraming } from "../http/security-headers";
import { BodyError, readJsonBody } from "../http/json-body";
import { renderTabPage, TAB_PAGES, tabCsp, tabLang, type TabPageId } from "./pages";
import { SsoTokenError, type SsoTokenValidator } from "./sso-token";
import { AdminCheckError, type AdminCheck } from "./admin-check";
import { sectionSlug } from "./section-slug";
import { dashboardStats } from "./dashboard-stats";

export interface TabParts {
  log: Logger;
  library: PolicyLibrary;
  defaultPack: string;
  /** undefined: local development (no app id): loopback callers only, as an admin */
  sso?: { validator: SsoTokenValidator; admin: AdminCheck };
  hostOrigins: string[];
  incidents: IncidentService;
  approvals: Promise<{ service: ApprovalService }>;
  now?: () => number;
  /** where the built assets are; default dist/tab beside the compiled server */
  assetDir?: string;
}

interface Caller {
  oid: string;
  admin: () => Promise<boolean>;
}

class ApiError extends Error {
  constructor(readonly status: number, readonly code: string) {
    super(code);
  }
}

/** the built files, read once: name -> body, type and ETag */
function loadAssets(dir: string): Map<string, { body: Buffer; type: string; etag: string }> {
  const out = new Map<string, { body: Buffer; type: string; etag: string }>();
  const types: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir)) {
    const type = types[path.extname(name)];
    if (!type) continue;
    const body = fs.readFileSync(path.join(dir, name));
    out.set(name, { body, type, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"` });
  }
  return out;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function registerTabRoutes(server: restify.Server, parts: TabParts): { assetsReady: () => boolean } {
  const assets = loadAssets(parts.assetDir ?? path.join(__dirname, "..", "..", "tab"));
  const now = parts.now ?? Date.now;
  const assetUrl = (name: string) => `/tab/assets/${name}?v=${encodeURIComponent(assets.get(name)?.etag.slice(1, 9) ?? "0")}`;

  server.get("/tab/assets/:name", (req, res, next) => {
    const a = assets.get(String(req.params.name));
    if (!a) {
      res.send(404, { error: "notFound" });
      return next();
    }
    res.header("Cache-Control", "public, max-age=300");
    res.header("ETag", a.etag);
    // Teams' hosts load the page in a frame; the assets are same-origin to it
    if (req.headers["if-none-match"] === a.etag) res.sendRaw(304, "");
    else res.sendRaw(200, a.body, { "Content-Type": a.type });
    return next();
  });

  for (const id of Object.keys(TAB_PAGES) as TabPageId[]) {
    server.get(TAB_PAGES[id], (req, res, next) => {
      const q = new URLSearchParams(req.getQuery() ?? "");
      const lang = tabLang(q.get("lang"), new Negotiator(req).language(["sv", "en"]) === "en");
      if (!assets.has("tab.js")) {
        res.send(503, { error: "tabNotBuilt" });
        return next();
      }
      const pack = parts.library.get(parts.defaultPack);
      const html = renderTabPage(
        {
          page: id,
          lang,
          sso: !!parts.sso,
          hostOrigins: parts.hostOrigins,
          pack: { id: pack.id, organisation: pack.facts.organisation.name, title: pack.facts.title, dataRules: pack.facts.dataRules },
        },
        { script: assetUrl("tab.js"), style: assetUrl("tab-style.css") },
      );
      allowTeamsFraming(res, "");
      res.setHeader("Content-Security-Policy", tabCsp(parts.hostOrigins));
      res.header("Content-Language", lang);
      res.header("Vary", "Accept-Language");
      res.header("Cache-Control", "no-cache");
      res.sendRaw(200, html, { "Content-Type": "text/html; charset=utf-8" });
      return next();
    });
  }

  const caller = async (req: restify.Request): Promise<Caller> => {
    if (!parts.sso) {
      // local development: the server is bound to 127.0.0.1 without an app id; checked again here
      if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) throw new ApiError(403, "notLoopback");
      return { oid: "local-developer", admin: async () => true };
    }
    const m = /^Bearer ([A-Za-z0-9._-]+)$/.exec(req.headers.authorization ?? "");
    const user = await parts.sso.validator.validate(m?.[1]).catch((e: unknown) => {
      if (e instanceof SsoTokenError) {
        parts.log.warn({ event: "tabAuth", reason: e.code }, "tab token refused");
        throw new ApiError(e.code === "keys" ? 503 : 401, e.code === "keys" ? "authUnavailable" : "unauthorized");
      }
      throw e;
    });
    let admin: Promise<boolean> | undefined;
    return { oid: user.oid, admin: () => (admin ??= parts.sso!.admin.isAdmin(user)) };
  };

  const api = (method: "get" | "post", route: string, opts: { admin: boolean }, handle: (req: restify.Request, c: Caller) => Promise<unknown>) => {
    server[method](route, async (req: restify.Request, res: restify.Response) => {
      res.header("Cache-Control", "no-store");
      try {
        const c = await caller(req);
        if (opts.admin) {
          const ok = await c.admin().catch((e: unknown) => {
            if (e instanceof AdminCheckError) {
              parts.log.warn({ event: "tabAuth", reason: e.code }, "admin check failed");
              throw new ApiError(503, "adminCheckUnavailable");
            }
            throw e;
          });
          if (!ok) throw new ApiError(403, "forbidden");
        }
        res.send(200, await handle(req, c));
      } catch (e) {
        if (e instanceof ApiError) res.send(e.status, { error: e.code });
        else if (e instanceof BodyError) res.send(e.status, { error: e.code });
        else {
          parts.log.error({ event: "tabApi", route, err: e instanceof Error ? e.name : "error", code: (e as { code?: unknown }).code }, "tab API failed");
          res.send(500, { error: "internal" });
        }
      }
    });
  };

  const pack = (req: restify.Request) => {
    const id = new URLSearchParams(req.getQuery() ?? "").get("pack") ?? parts.defaultPack;
    if (!parts.library.ids().includes(id)) throw new ApiError(404, "unknownPack");
    return parts.library.get(id);
  };

  api("get", "/tab/api/me", { admin: false }, async (_req, c) => ({ admin: await c.admin().catch(() => false) }));

  api("get", "/tab/api/policy", { admin: false }, async (req) => {
    const p = pack(req);
    return {
      pack: p.id,
      packs: parts.library.ids(),
      organisation: p.facts.organisation.name,
      title: p.facts.title,
      version: p.facts.version ?? null,
      sections: p.sections.map((s) => ({ id: sectionSlug(s.heading), heading: s.heading, passages: s.passages.map((x) => ({ id: x.id, rule: x.rule, text: x.text })) })),
    };
  });

  api("get", "/tab/api/policy/search", { admin: false }, async (req) => {
    const p = pack(req);
    const q = (new URLSearchParams(req.getQuery() ?? "").get("q") ?? "").trim().slice(0, 1000);
    if (!q) throw new ApiError(400, "emptyQuestion");
    // the same engine as the bot's answers; the question is not logged
    const a = parts.library.ask(p.id, q);
    return {
      answer: a.answer,
      verdict: a.verdict ?? null,
      verdictKind: a.verdictKind,
      refused: a.refused,
      citations: a.citations.map((c) => ({ sectionId: sectionSlug(c.section), section: c.section, rule: c.rule, quote: c.quote })),
    };
  });

  const limit = 500;
  api("get", "/tab/api/admin/incidents", { admin: true }, async (req) => {
    const q = new URLSearchParams(req.getQuery() ?? "");
    const status = q.get("status");
    if (status && !STATUSES.includes(status as IncidentStatus)) throw new ApiError(400, "badStatus");
    const rows = await parts.incidents.list({ status: (status as IncidentStatus) || undefined, personalData: q.get("personal") === "true" ? true : undefined, limit });
    return { incidents: rows.map(({ incident: i, link }) => ({ reference: i.reference, reportedAt: i.reportedAt, tool: i.tool, infoKinds: i.infoKinds, personalData: i.personalData, imyDeadline: i.imyDeadline ?? null, status: i.status, severity: i.severity ?? null, link: link ?? null })) };
  });

  api("post", "/tab/api/admin/incidents/:reference/status", { admin: true }, async (req, c) => {
    const body = await readJsonBody(req, { maxBytes: 1024, maxDepth: 4, timeoutMs: 5000 });
    const status = body.status;
    if (typeof status !== "string" || !STATUSES.includes(status as IncidentStatus)) throw new ApiError(400, "badStatus");
    const updated = await parts.incidents.setStatus(String(req.params.reference), status as IncidentStatus, c.oid);
    if (!updated) throw new ApiError(404, "unknownIncident");
    parts.log.info({ event: "tabStatus", reference: updated.incident.reference, status }, "incident status set from the tab");
    return { reference: updated.incident.reference, status: updated.incident.status };
  });

  api("get", "/tab/api/admin/approvals", { admin: true }, async (req) => {
    const status = new URLSearchParams(req.getQuery() ?? "").get("status");
    if (status && !APPROVAL_STATUSES.includes(status as ApprovalStatus)) throw new ApiError(400, "badStatus");
    const rows = await (await parts.approvals).service.list({ status: (status as ApprovalStatus) || undefined, limit });
    return { approvals: rows.map(({ request: r, link }) => ({ reference: r.reference, requestedAt: r.requestedAt, tool: r.tool.name, status: r.status, approver: r.approver?.name ?? null, link: link ?? null })) };
  });

  api("get", "/tab/api/admin/stats", { admin: true }, async () => {
    const [inc, apr] = await Promise.all([parts.incidents.list({ limit }), parts.approvals.then((a) => a.service.list({ limit }))]);
    return dashboardStats(inc, apr, now());
  });

  return { assetsReady: () => assets.has("tab.js") };
}
