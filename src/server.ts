// restify wiring: routes only. The bot endpoint comes from src/bot/ (which owns every
// Bot Framework import); the health route reports status, never configuration secrets.
import * as restify from "restify";
import type { Logger } from "./logging";
import type { BotEndpoint } from "./bot";

export interface ServerParts {
  bot: BotEndpoint;
  /** the body of GET /healthz */
  health: () => Record<string, unknown>;
  log: Logger;
}

export function createServer(parts: ServerParts): restify.Server {
  const server = restify.createServer({ name: "policybot", handleUncaughtExceptions: false });
  // activities are small; a bigger body is not a Teams activity
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));

  server.post("/api/messages", async (req, res) => {
    await parts.bot.handle(req, res);
  });

  server.get("/healthz", (_req, res, next) => {
    res.send(200, { status: "ok", ...parts.health() });
    return next();
  });

  server.on("restifyError", (req, res, err, cb) => {
    parts.log.warn({ event: "httpError", method: req.method, path: req.getPath(), status: res.statusCode, err: err.name }, "http error");
    return cb();
  });
  return server;
}
