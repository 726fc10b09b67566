// Builds the Graph client: the real @microsoft/microsoft-graph-client with our own
// middleware chain (BearerAuth -> RetryMiddleware -> the library's HTTPMessageHandler),
// a configurable base URL (tests point it at a local server) and an injectable clock.
import { Client, HTTPMessageHandler } from "@microsoft/microsoft-graph-client";
import type { Clock } from "../incidents/clock";
import { BearerAuth } from "./middleware/bearer-auth";
import { RetryMiddleware, type RetryOptions } from "./middleware/retry";
import type { TokenProvider } from "./token";

export interface GraphClientOptions {
  /** scheme and host, e.g. https://graph.microsoft.com */
  baseUrl: string;
  /** default v1.0 */
  version?: string;
  tokens: TokenProvider;
  clock: Clock;
  retry?: RetryOptions;
}

export function createGraphClient(o: GraphClientOptions): Client {
  const auth = new BearerAuth(o.tokens);
  const retry = new RetryMiddleware(o.clock, o.retry);
  auth.setNext(retry);
  retry.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({
    middleware: auth,
    baseUrl: o.baseUrl.replace(/\/+$/, "") + "/",
    defaultVersion: o.version ?? "v1.0",
  });
}
