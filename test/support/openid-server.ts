// A local stand-in for the Bot Framework's token services, so real token validation runs offline:
// - the channel side: OpenID metadata and a JWKS holding a test RSA key (made at start), and
//   sign() for channel tokens as the Teams channel sends them to the bot;
// - the bot side: an Entra-like client-credentials token endpoint the bot's msal-node calls
//   for its own Bot Connector token (records each request).
// botbuilder fetches the metadata with node-fetch and accepts http, so no certificate is needed.
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export const CHANNEL_ISSUER = "https://api.botframework.com";
export const CONNECTOR_SCOPE = "https://api.botframework.com/.default";

export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface TokenRequest {
  path: string;
  clientId: string | null;
  clientSecret: string | null;
  scope: string | null;
  grantType: string | null;
}

export function makeKey(kid = `test-${randomUUID()}`): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/** an RS256 JWT signed by key, with kid in its header (or the header given) */
export function signJwt(claims: Record<string, unknown>, key: TestKey, header: Record<string, unknown> = {}): string {
  const h = { alg: "RS256", typ: "JWT", kid: key.kid, ...header };
  const data = [h, claims].map((p) => Buffer.from(JSON.stringify(p)).toString("base64url")).join(".");
  const sig = createSign("RSA-SHA256").update(data).sign(key.privateKey).toString("base64url");
  return `${data}.${sig}`;
}

export class OpenIdServer {
  /** the key in the JWKS, endorsed for Teams as the Bot Framework's keys are */
  readonly key = makeKey();
  /** endorsements published with the key */
  endorsements = ["msteams"];
  readonly tokenRequests: TokenRequest[] = [];
  /** access tokens handed out by the token endpoint, in order */
  readonly issuedTokens: string[] = [];
  metadataRequests = 0;
  keyRequests = 0;
  /** never answer the OpenID metadata / the token endpoint (a service that hangs) */
  hangMetadata = false;
  hangTokens = false;
  private server?: http.Server;

  /** the app registration whose secret the token endpoint accepts */
  constructor(private readonly app: { clientId: string; clientSecret: string }) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** BOT_OPENID_METADATA_URL */
  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  /** a metadata URL whose document cannot be loaded (404) */
  get brokenMetadataUrl(): string {
    return `${this.url}/missing/.well-known/openidconfiguration`;
  }

  /** BOT_LOGIN_URL: the authority with the multi-tenant bots' tenant */
  get loginUrl(): string {
    return `${this.url}/botframework.com`;
  }

  /** a channel token as Teams sends it: iss, aud = the app id, serviceurl, valid for an hour */
  channelToken(o: { appId: string; serviceUrl: string; key?: TestKey; claims?: Record<string, unknown>; header?: Record<string, unknown> }): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = { serviceurl: o.serviceUrl, nbf: now - 60, exp: now + 3600, iss: CHANNEL_ISSUER, aud: o.appId, ...o.claims };
    return signJwt(claims, o.key ?? this.key, o.header);
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private jwk(): Record<string, unknown> {
    const { n, e } = this.key.publicKey.export({ format: "jwk" });
    return { kty: "RSA", use: "sig", kid: this.key.kid, n, e, endorsements: this.endorsements };
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0];
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "GET" && path === "/v1/.well-known/openidconfiguration") {
        this.metadataRequests++;
        if (this.hangMetadata) return;
        return json(200, {
          issuer: CHANNEL_ISSUER,
          authorization_endpoint: `${this.url}/v1/authorize`,
          jwks_uri: `${this.url}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ["RS256"],
          token_endpoint_auth_methods_supported: ["private_key_jwt"],
        });
      }
      if (req.method === "GET" && path === "/v1/.well-known/keys") {
        this.keyRequests++;
        return json(200, { keys: [this.jwk()] });
      }
      const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
      if (req.method === "POST" && token) {
        const p = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
        this.tokenRequests.push({ path, clientId: p.get("client_id"), clientSecret: p.get("client_secret"), scope: p.get("scope"), grantType: p.get("grant_type") });
        if (this.hangTokens) return;
        if (p.get("grant_type") !== "client_credentials") return json(400, { error: "unsupported_grant_type" });
        if (p.get("client_id") !== this.app.clientId || p.get("client_secret") !== this.app.clientSecret) {
          return json(401, { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided." });
        }
        if (!(p.get("scope") ?? "").split(" ").includes(CONNECTOR_SCOPE)) return json(400, { error: "invalid_scope" });
        const accessToken = `connector-token-${this.issuedTokens.length + 1}-${randomUUID()}`;
        this.issuedTokens.push(accessToken);
        return json(200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
      }
      json(404, { error: "not_found" });
    });
  }
}

/** a fresh app registration (botbuilder caches connector tokens per app id for the whole process) and its local OpenID server */
export function signedBotApp(): { appId: string; secret: string; openid: OpenIdServer; env: () => Record<string, string> } {
  const appId = randomUUID();
  const secret = `secret-${randomUUID()}`;
  const openid = new OpenIdServer({ clientId: appId, clientSecret: secret });
  return {
    appId,
    secret,
    openid,
    // the bot's settings for validating the channel's tokens against that server (after it started)
    env: () => ({
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: secret,
      MICROSOFT_APP_TYPE: "MultiTenant",
      HOST: "127.0.0.1",
      BOT_OPENID_METADATA_URL: openid.metadataUrl,
      BOT_LOGIN_URL: openid.loginUrl,
    }),
  };
}
