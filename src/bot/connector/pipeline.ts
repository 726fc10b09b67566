// Every call the bot makes to the Bot Connector (replies, updates, getMember,
// createConversation; in turns and proactive) goes through a ConnectorClient made by
// the ConnectorFactory below. Its HTTP pipeline gets one policy in place of the Azure
// SDK's default retry policy, which waited without a timeout, retried a POST after a
// 500 or a dropped connection (the reply arrived twice) and honoured any Retry-After:
//  - each attempt has a timeout, and an abandoned attempt is aborted (its socket closed);
//  - a call is repeated only when the connector cannot have acted on it: the connection
//    was never made, or it answered 429/503 (refused). GET/PUT/DELETE are idempotent and
//    are also repeated after a 5xx or a lost connection. A POST that got an answer, or
//    lost its connection after the request went out, is never sent again;
//  - waits (Retry-After or backoff) are honoured up to a ceiling per call; beyond it the
//    caller gets the 429/503 at once (a proactive notice stays in the outbox for later).
// withConnectorDeadline() shortens one piece of work further (e.g. a 2-second getMember)
// and aborts its calls when it ends, not only stops waiting for them.
import { AsyncLocalStorage } from "node:async_hooks";
import { ConnectorFactory, type ConnectorClient } from "botframework-connector";
import { parseRetryAfter } from "../../m365/graph-error";
import { BoundedMap } from "../../util/bounded-map";

export interface ConnectorCallSettings {
  /** one attempt, until the whole response is read */
  timeoutMs: number;
  /** attempts after the first */
  maxRetries: number;
  /** the longest total wait between attempts of one call (Retry-After or backoff) */
  maxRetryWaitMs: number;
  /** first backoff when the connector gives no Retry-After; doubles. Default 250 ms */
  baseDelayMs?: number;
}

export type ConnectorFailure = "connector_timeout" | "connector_deadline" | "connector_unreachable" | "connector_connection_lost";

const TEXT: Record<ConnectorFailure, string> = {
  connector_timeout: "the Bot Connector did not answer in time",
  connector_deadline: "the caller stopped waiting for the Bot Connector",
  connector_unreachable: "the Bot Connector could not be reached",
  connector_connection_lost: "the connection to the Bot Connector was lost",
};

/** a connector call that got no answer; `code` is stable (logs, metrics), the message fixed text */
export class ConnectorCallError extends Error {
  readonly code: ConnectorFailure;
  constructor(code: ConnectorFailure) {
    super(TEXT[code]);
    this.name = "ConnectorCallError";
    this.code = code;
  }
}

/** the connection was never made: the connector saw nothing, any method can be repeated */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

// --- the shape of @azure/core-rest-pipeline used here (a dependency of botframework-connector) ---
interface PipelineRequest {
  method: string;
  abortSignal?: AbortSignal;
}
interface PipelineResponse {
  status: number;
  headers: { get(name: string): string | undefined };
}
type SendRequest = (request: PipelineRequest) => Promise<PipelineResponse>;
interface PipelinePolicy {
  name: string;
  sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse>;
}
interface Pipeline {
  addPolicy(policy: PipelinePolicy, options?: { phase?: "Serialize" | "Retry" | "Sign" | "Deserialize" }): void;
  removePolicy(options: { name?: string }): PipelinePolicy[];
  getOrderedPolicies(): PipelinePolicy[];
}

export const POLICY_NAME = "policybotConnectorCalls";
/** the Azure SDK's retry policy that the policy above replaces */
const SDK_RETRY_POLICY = "defaultRetryPolicy";

const deadlines = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs work whose connector calls must end within ms: at ms the caller gets a
 * ConnectorCallError("connector_deadline") and the calls still open are aborted.
 */
export async function withConnectorDeadline<T>(ms: number, run: () => Promise<T>): Promise<T> {
  const own = new AbortController();
  const outer = deadlines.getStore();
  const signal = outer ? AbortSignal.any([own.signal, outer]) : own.signal;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      own.abort();
      reject(new ConnectorCallError("connector_deadline"));
    }, ms);
  });
  try {
    return await Promise.race([deadlines.run(signal, run), expired]);
  } finally {
    clearTimeout(timer);
    own.abort(); // nothing started inside may outlive the caller's interest
  }
}

/** the pipeline policy: timeouts, at-most-once sends, capped waits */
export function connectorCallPolicy(s: ConnectorCallSettings): PipelinePolicy {
  const base = s.baseDelayMs ?? 250;
  return {
    name: POLICY_NAME,
    async sendRequest(request, next) {
      const idempotent = IDEMPOTENT.has(request.method.toUpperCase());
      const callerSignal = request.abortSignal;
      const deadline = deadlines.getStore();
      let waited = 0;
      for (let attempt = 0; ; attempt++) {
        const attemptTimeout = new AbortController();
        const timer = setTimeout(() => attemptTimeout.abort(), s.timeoutMs);
        request.abortSignal = AbortSignal.any([attemptTimeout.signal, ...(callerSignal ? [callerSignal] : []), ...(deadline ? [deadline] : [])]);
        let response: PipelineResponse;
        try {
          response = await next(request);
        } catch (e) {
          if (callerSignal?.aborted) throw e;
          if (deadline?.aborted) throw new ConnectorCallError("connector_deadline");
          // a timed-out attempt is never repeated: it may have been done, and the turn has waited enough
          if (attemptTimeout.signal.aborted) throw new ConnectorCallError("connector_timeout");
          const code = (e as { code?: unknown }).code;
          const neverSent = typeof code === "string" && NEVER_SENT.has(code);
          const failure = neverSent ? "connector_unreachable" : "connector_connection_lost";
          if (!(neverSent || idempotent) || attempt >= s.maxRetries) throw new ConnectorCallError(failure);
          const delay = base * 2 ** attempt;
          if (waited + delay > s.maxRetryWaitMs) throw new ConnectorCallError(failure);
          waited += delay;
          await pause(delay, deadline);
          continue;
        } finally {
          clearTimeout(timer);
        }
        const status = response.status;
        // 429 and 503 refuse the request before any work; other 5xx may come after it was done
        const refused = status === 429 || status === 503;
        const retryable = refused || (idempotent && (status === 408 || status === 500 || status === 502 || status === 504));
        if (!retryable || attempt >= s.maxRetries) return response;
        const delay = retryAfterMs(response) ?? base * 2 ** attempt;
        if (waited + delay > s.maxRetryWaitMs) return response; // the caller gets the 429/503: later, not now
        waited += delay;
        await pause(delay, deadline);
      }
    },
  };
}

function retryAfterMs(r: PipelineResponse): number | undefined {
  for (const h of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const v = r.headers.get(h);
    if (v && /^\d+$/.test(v.trim())) return Number(v.trim());
  }
  return parseRetryAfter(r.headers.get("retry-after"), Date.now());
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ConnectorCallError("connector_deadline"));
    const onAbort = () => {
      clearTimeout(t);
      reject(new ConnectorCallError("connector_deadline"));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** swaps the SDK's retry policy of a ConnectorClient for the policy above; throws if botbuilder changed shape */
export function applyConnectorPolicy(client: ConnectorClient, s: ConnectorCallSettings): ConnectorClient {
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!pipeline || typeof pipeline.addPolicy !== "function" || typeof pipeline.removePolicy !== "function") {
    throw new Error("ConnectorClient has no HTTP pipeline to configure (botframework-connector changed?)");
  }
  pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  pipeline.removePolicy({ name: POLICY_NAME });
  pipeline.addPolicy(connectorCallPolicy(s), { phase: "Retry" });
  return client;
}

/** a ConnectorFactory whose clients carry the policy (CloudAdapter makes every client through one) */
export class TimedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly settings: ConnectorCallSettings,
    private readonly clients?: ConnectorClients,
  ) {
    super();
  }
  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const make = async () => applyConnectorPolicy(await this.inner.create(serviceUrl, audience), this.settings);
    // botbuilder's factory (ConnectorFactoryImpl) names the app the client acts as
    const appId = (this.inner as { appId?: unknown }).appId;
    return this.clients && typeof appId === "string" ? this.clients.get(`${appId}\n${serviceUrl}\n${audience ?? ""}`, make) : make();
  }
}

/**
 * Connector clients kept per app, service URL and audience. botbuilder builds a new client
 * (HTTP pipeline, serializer, credentials object) for every turn; the client holds no
 * per-turn state (deadlines come from AsyncLocalStorage above, tokens from msal's cache), so
 * one per service URL serves every turn.
 */
export class ConnectorClients {
  private readonly clients = new BoundedMap<string, Promise<ConnectorClient>>({ max: 100, ttlMs: 3600_000 });
  get(key: string, make: () => Promise<ConnectorClient>): Promise<ConnectorClient> {
    let c = this.clients.get(key);
    if (!c) {
      c = make();
      this.clients.set(key, c);
      // a client that could not be made is not kept
      c.catch(() => this.clients.get(key) === c && this.clients.delete(key));
    }
    return c;
  }
}
