// Composition root: the one place that picks adapters from config and wires the
// capabilities into the bot and the HTTP server.
import type { AddressInfo } from "node:net";
import type * as restify from "restify";
import type { Config } from "./config";
import type { Logger } from "./logging";
import type { PolicyLibrary } from "./policy/types";
import { loadPolicyLibrary } from "./policy/library";
import { createBotEndpoint } from "./bot";
import { createServer } from "./server";
import { openIncidentStack, type IncidentStack } from "./m365/incident-stack";

export interface App {
  server: restify.Server;
  library: PolicyLibrary;
  /** incident service and store (SQLite or SharePoint, from config) */
  incidents: IncidentStack;
  /** starts listening on config.host:config.port (port 0 = ephemeral); resolves with the bound address */
  listen(): Promise<{ host: string; port: number; url: string }>;
  close(): Promise<void>;
}

export interface AppOverrides {
  /** a ready library (tests); otherwise the packs are loaded from policies/ and config.policy.extraDir */
  library?: PolicyLibrary;
}

export function buildApp(config: Config, log: Logger, overrides: AppOverrides = {}): App {
  const library = overrides.library ?? loadPolicyLibrary({ extraDir: config.policy.extraDir || undefined });
  if (!library.ids().includes(config.policy.defaultPack)) {
    throw new Error(`POLICY_PACK "${config.policy.defaultPack}" is not a loaded policy pack (loaded: ${library.ids().join(", ")})`);
  }
  // incident events carry ids, references and codes only (never report text)
  let onIncidentEvent: (e: { event: string; id?: string; reference?: string; code?: string }) => void = () => {};
  const incidents = openIncidentStack(config, {
    drain: true,
    onEvent: (e) => {
      log.info({ event: "incident", step: e.event, reference: e.reference, code: e.code }, "incident event");
      onIncidentEvent(e);
    },
  });
  const bot = createBotEndpoint(config, library, log, { incidents: { service: incidents.service } });
  onIncidentEvent = (e) => bot.onIncidentEvent(e);
  const server = createServer({
    bot,
    log,
    health: () => ({ packs: library.ids(), defaultPack: config.policy.defaultPack, auth: config.authEnabled }),
  });

  return {
    server,
    library,
    incidents,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          const addr = server.address() as AddressInfo;
          const host = addr.address;
          resolve({ host, port: addr.port, url: `http://${host.includes(":") ? `[${host}]` : host}:${addr.port}` });
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          incidents.close();
          resolve();
        });
        // keep-alive sockets would hold close() open until they time out
        server.server.closeAllConnections?.();
      }),
  };
}
