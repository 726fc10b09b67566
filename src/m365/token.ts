// App-only tokens for Graph with msal-node client credentials (secret or certificate).
// The authority's metadata is given to msal, so it makes no discovery calls: one token
// POST, then the cache. msal insists on an https authority; a local test server on
// http:// is reached through the metadata's token endpoint, which may be http.
// Every request to the token endpoint has a timeout (msal-node's own network client has
// none for the token POST). msal-node waits for no Retry-After: after a 429/5xx it refuses
// further requests at once until the time given has passed.
import { X509Certificate } from "node:crypto";
import { AuthError, ConfidentialClientApplication, type Configuration, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from "@azure/msal-node";

/** one token request when the caller gives no timeout */
export const DEFAULT_TOKEN_TIMEOUT_MS = 10_000;

export interface GraphCredentials {
  tenantId: string;
  clientId: string;
  /** one of: a client secret */
  clientSecret?: string;
  /** or a certificate: PEM text holding the private key and the certificate */
  certificatePem?: string;
  /** e.g. https://login.microsoftonline.com (sovereign clouds and tests differ) */
  authorityHost: string;
  /** default https://graph.microsoft.com/.default */
  scope?: string;
  /** one request to the token endpoint; default DEFAULT_TOKEN_TIMEOUT_MS */
  timeoutMs?: number;
}

export interface TokenProvider {
  getToken(): Promise<string>;
}

export function createTokenProvider(c: GraphCredentials): TokenProvider {
  const app = new ConfidentialClientApplication(msalConfig(c));
  const scopes = [c.scope ?? "https://graph.microsoft.com/.default"];
  return {
    async getToken() {
      const r = await app.acquireTokenByClientCredential({ scopes });
      if (!r?.accessToken) throw new Error("no access token in the token response");
      return r.accessToken;
    },
  };
}

export function msalConfig(c: GraphCredentials): Configuration {
  const url = new URL(c.authorityHost);
  const host = url.host;
  const base = `${url.protocol}//${host}${url.pathname.replace(/\/$/, "")}/${encodeURIComponent(c.tenantId)}`;
  const auth: Configuration["auth"] = {
    clientId: c.clientId,
    authority: `https://${host}${url.pathname.replace(/\/$/, "")}/${encodeURIComponent(c.tenantId)}`,
    knownAuthorities: [host],
    authorityMetadata: JSON.stringify({
      token_endpoint: `${base}/oauth2/v2.0/token`,
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
    }),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
  };
  if (c.certificatePem) {
    const certMatch = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(c.certificatePem);
    const keyMatch = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(c.certificatePem);
    if (!certMatch || !keyMatch) throw new Error("the certificate PEM must hold both the certificate and its private key");
    const thumbprintSha256 = new X509Certificate(certMatch[0]).fingerprint256.replace(/:/g, "");
    auth.clientCertificate = { thumbprintSha256, privateKey: keyMatch[0], x5c: certMatch[0] };
  } else if (c.clientSecret) {
    auth.clientSecret = c.clientSecret;
  } else {
    throw new Error("Graph credentials need a client secret or a certificate");
  }
  return {
    auth,
    system: {
      networkClient: timedNetworkClient(c.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS),
      loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => undefined },
    },
  };
}

/**
 * msal-node's network module with a timeout on every request (GET and POST), the body
 * read included; an abandoned request is aborted. Failures are msal AuthErrors with a
 * stable errorCode (request_timeout, network_error, token_parsing_error), no URL or body.
 */
export function timedNetworkClient(timeoutMs: number): INetworkModule {
  async function send<T>(url: string, method: "GET" | "POST", options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const ms = timeout && timeout > 0 ? Math.min(timeout, timeoutMs) : timeoutMs;
    const signal = AbortSignal.timeout(ms);
    let res: Response;
    try {
      res = await fetch(url, { method, headers: options?.headers, body: method === "POST" ? (options?.body ?? "") : undefined, signal });
    } catch {
      throw signal.aborted ? new AuthError("request_timeout", `no answer from the token service within ${ms} ms`) : new AuthError("network_error", "the token service could not be reached");
    }
    let body: T;
    try {
      body = (await res.json()) as T;
    } catch {
      throw signal.aborted ? new AuthError("request_timeout", `no answer from the token service within ${ms} ms`) : new AuthError("token_parsing_error", "the token service's answer is not JSON");
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    return { headers, body, status: res.status };
  }
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) => send<T>(url, "GET", options, timeout),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, "POST", options),
  };
}
