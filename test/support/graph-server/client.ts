// What a test needs to point the real Graph client and msal-node at a FakeGraph.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { GraphCredentials } from "../../../src/m365/token";
import type { FakeGraph } from "./server";

export interface GraphTestConfig {
  credentials: GraphCredentials;
  /** Graph base URL (scheme and host) */
  baseUrl: string;
  /** site reference for the adapters */
  site: string;
}

export function graphTestConfig(g: FakeGraph, certificatePem?: string): GraphTestConfig {
  return {
    credentials: {
      tenantId: g.tenantId,
      clientId: g.clientId,
      ...(certificatePem ? { certificatePem } : { clientSecret: g.clientSecret }),
      authorityHost: g.url,
    },
    baseUrl: g.url,
    site: g.site,
  };
}

/** a throwaway self-signed certificate and key (PEM, both in one text), made with openssl */
export function makeTestCertificate(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-cert-"));
  try {
    const key = path.join(dir, "key.pem");
    const crt = path.join(dir, "crt.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", crt, "-days", "2", "-subj", "/CN=policybot-test"], { stdio: "ignore" });
    return fs.readFileSync(key, "utf8") + fs.readFileSync(crt, "utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A bot's settings for SharePoint through this FakeGraph (app-only, client secret). No retry
 * budget: a person waits for no retries, an outage goes straight to the outbox.
 */
/** graphEnv plus the bot's own app identity in the local Graph's tenant (the tab's SSO and on-behalf-of) */
export function appIdentityEnv(g: FakeGraph): Record<string, string> {
  return { ...graphEnv(g), MICROSOFT_APP_ID: g.clientId, MICROSOFT_APP_PASSWORD: g.clientSecret!, MICROSOFT_APP_TENANT_ID: g.tenantId };
}

export function graphEnv(g: FakeGraph, clientSecret = g.clientSecret!): Record<string, string> {
  return {
    SHAREPOINT_SITE: g.site,
    GRAPH_BASE_URL: g.url,
    GRAPH_AUTHORITY_HOST: g.url,
    GRAPH_TENANT_ID: g.tenantId,
    GRAPH_CLIENT_ID: g.clientId,
    GRAPH_CLIENT_SECRET: clientSecret,
    GRAPH_RETRY_BUDGET_MS: "0",
    GRAPH_TIMEOUT_MS: "3000",
  };
}
