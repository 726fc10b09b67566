// restify wiring: routes only. The bot endpoint comes from src/bot/ (which owns every
// Bot Framework import); the health routes report status, never configuration or secrets.
// No restify body parser: /api/messages reads its body with src/http/json-body.ts, which
// bounds it before and after decoding and turns every bad body into a 4xx.
import "./http/node-compat"; // before restify: Node 24 (see the file)
import * as restify from "restify";
import type { Logger } from "./logging";
import type { BotEndpoint } from "./bot";
import { BodyError, readJsonBody } from "./http/json-body";
import { adoptActivityId, withCorrelation } from "./telemetry/correlation";
import { metrics } from "./telemetry/metrics";
import type { Admission } from "./lifecycle/admission";
import { allowTeamsFraming, setSecurityHeaders } from "./http/security-headers";
import { PAGES, STYLE_HASH, pageLang, renderPage, type PageId } from "./http/pages";

export interface ServerParts {
  bot: BotEndpoint;
  /** the body of GET /healthz (the process is alive) */
  health: () => Record<string, unknown>;
  /** GET /readyz: each part the bot needs and whether it is usable */
  readiness: () => Readiness;
  log: Logger;
  /** requests to /api/messages handled at once; more get 503 */
  maxInFlight: number;
  /** closed on shutdown: new activities get 503, those in flight are counted (src/lifecycle) */
  admission?: Admission;
  /** a body not complete by then is refused (408): a client trickling bytes holds a slot of maxInFlight */
  bodyTimeoutMs: number;
  /** the organisation named on the privacy and terms pages (the default pack's) */
  organisation: string;
  /** more routes on the same server (the tab: src/tab/routes.ts) */
  routes?: (server: restify.Server) => void;
}

/** "ok", or a short code saying why the part is not usable (never an error message: it could carry a path or a secret) */
export type Readiness = Record<string, "ok" | "missing" | "opening" | "failed" | "unusable" | "stopping">;

/** activities are small (Teams caps a message at about 28 KB); a bigger body is not a Teams activity */
export const MAX_BODY_BYTES = 256 * 1024;
/** an activity nests a few levels (cards in attachments): far more is an attack */
export const MAX_BODY_DEPTH = 64;
/** the request line and headers must arrive within this (Node's default is 60 s: slowloris) */
export const HEADERS_TIMEOUT_MS = 15_000;
/** the whole request must arrive within this; Node then answers 408 and closes */
export const REQUEST_TIMEOUT_MS = 30_000;

export function createServer(parts: ServerParts): restify.Server {
  const server = restify.createServer({ name: "policybot", handleUncaughtExceptions: false });
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;
  // before routing: 404s, 405s and refused bodies get the headers too
  server.pre((req, res, next) => {
    setSecurityHeaders(req, res);
    return next();
  });
  let inFlight = 0;

  // each request runs with its correlation id (every log line of the turn carries it)
  server.post("/api/messages", async (req, res) => withCorrelation(req.headers, () => messages(req, res)));
  const messages = async (req: restify.Request, res: restify.Response): Promise<void> => {
    if (parts.admission && !parts.admission.enter()) {
      // shutting down: the channel retries, and another instance (or this one restarted) answers
      parts.log.info({ event: "refused", reason: "shuttingDown" }, "activity refused while shutting down");
      res.header("Retry-After", "5");
      res.header("Connection", "close");
      res.send(503, { error: "shuttingDown" });
      res.once("finish", () => req.destroy());
      return;
    }
    try {
      await activity(req, res);
    } finally {
      parts.admission?.leave();
    }
  };
  const activity = async (req: restify.Request, res: restify.Response): Promise<void> => {
    if (inFlight >= parts.maxInFlight) {
      parts.log.warn({ event: "busy", inFlight }, "too many requests in flight");
      res.header("Retry-After", "1");
      res.header("Connection", "close");
      res.send(503, { error: "busy" });
      res.once("finish", () => req.destroy());
      return;
    }
    inFlight++;
    try {
      try {
        req.body = await readJsonBody(req, { maxBytes: MAX_BODY_BYTES, maxDepth: MAX_BODY_DEPTH, timeoutMs: parts.bodyTimeoutMs });
      } catch (e) {
        if (!(e instanceof BodyError)) throw e;
        parts.log.warn({ event: "badRequest", reason: e.code, status: e.status }, "request body refused");
        // the rest of a refused body is not read: close the connection once the answer is out
        res.header("Connection", "close");
        res.send(e.status, { error: e.code });
        res.once("finish", () => req.destroy());
        return;
      }
      adoptActivityId((req.body as { id?: unknown } | undefined)?.id);
      const started = performance.now();
      await parts.bot.handle(req, res);
      metrics().activity(String((req.body as { type?: unknown } | undefined)?.type ?? "none"), res.statusCode, performance.now() - started);
    } finally {
      inFlight--;
    }
  };

  // the manifest's websiteUrl, privacyUrl and termsOfUseUrl
  for (const id of Object.keys(PAGES) as PageId[]) {
    server.get(PAGES[id], (req, res, next) => {
      const lang = pageLang(req, req.getQuery());
      const html = renderPage(id, lang, parts.organisation);
      allowTeamsFraming(res, STYLE_HASH);
      res.header("Content-Language", lang);
      res.header("Vary", "Accept-Language");
      res.header("Cache-Control", "no-cache");
      res.sendRaw(200, html, { "Content-Type": "text/html; charset=utf-8" });
      return next();
    });
  }

  server.get("/healthz", (_req, res, next) => {
    res.header("Cache-Control", "no-store");
    res.send(200, { status: "ok", ...parts.health() });
    return next();
  });

  // a load balancer's probe: 503 until everything a message needs is usable
  server.get("/readyz", (_req, res, next) => {
    const checks = parts.readiness();
    const notReady = Object.keys(checks).filter((k) => checks[k] !== "ok");
    res.header("Cache-Control", "no-store");
    if (notReady.length) res.send(503, { status: "not ready", notReady, checks });
    else res.send(200, { status: "ready", checks });
    return next();
  });

  parts.routes?.(server);

  server.on("restifyError", (req, res, err, cb) => {
    parts.log.warn({ event: "httpError", method: req.method, path: req.getPath(), status: res.statusCode, err: err.name }, "http error");
    return cb();
  });
  return server;
}
