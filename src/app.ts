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

export interface App {
  server: restify.Server;
  library: PolicyLibrary;
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
  const bot = createBotEndpoint(config, library, log);
  const server = createServer({
    bot,
    log,
    health: () => ({ packs: library.ids(), defaultPack: config.policy.defaultPack, auth: config.authEnabled }),
  });

  return {
    server,
    library,
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
        server.close(() => resolve());
        // keep-alive sockets would hold close() open until they time out
        server.server.closeAllConnections?.();
      }),
  };
}
