// App-only tokens for Graph with msal-node client credentials (secret or certificate).
// The authority's metadata is given to msal, so it makes no discovery calls: one token
// POST, then the cache. msal insists on an https authority; a local test server on
// http:// is reached through the metadata's token endpoint, which may be http.
import { X509Certificate } from "node:crypto";
import { ConfidentialClientApplication, type Configuration } from "@azure/msal-node";

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
  return { auth, system: { loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => undefined } } };
}
