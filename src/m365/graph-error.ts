// One error type for everything that talks to Graph: what failed (status, Graph's
// code), whether trying again may help, and whether the write may have happened.
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** codes our middleware gives transport failures (they reach us as error names) */
export const TRANSPORT = { network: "NetworkError", timeout: "TimeoutError", token: "TokenError" } as const;

export class GraphError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when no response came back */
    readonly status: number,
    /** Graph's error code (itemNotFound, invalidRequest...) or a TRANSPORT code */
    readonly code: string,
    /** a later attempt may succeed */
    readonly retryable: boolean,
    /** a write may have happened although it failed: look before writing again */
    readonly ambiguous: boolean,
    /** the server's Retry-After */
    readonly retryAfterMs?: number,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "GraphError";
  }

  /** from whatever the Graph client threw, for a request with this method */
  static from(e: unknown, method: HttpMethod): GraphError {
    if (e instanceof GraphError) return e;
    const g = e as { statusCode?: number; code?: string | null; message?: string; headers?: Headers | Record<string, string>; requestId?: string | null; name?: string };
    const status = typeof g.statusCode === "number" && g.statusCode > 0 ? g.statusCode : 0;
    const code = g.code ?? g.name ?? "unknown";
    const message = (g.message || code).slice(0, 500);
    const write = method !== "GET";
    if (status === 0) {
      // no response: a write may have reached the server before the connection went
      // (but not when the token could not be had: then nothing was sent)
      return new GraphError(message, 0, code, true, write && code !== TRANSPORT.token);
    }
    const retryAfterMs = parseRetryAfter(header(g.headers, "retry-after"), Date.now());
    const retryable = status === 429 || status === 408 || status >= 500;
    // 502/504: a gateway gave up, the service behind it may have done the work
    const ambiguous = write && (status === 502 || status === 504 || status === 408);
    return new GraphError(message, status, code, retryable, ambiguous, retryAfterMs, g.requestId ?? undefined);
  }
}

function header(h: Headers | Record<string, string> | undefined, name: string): string | undefined {
  if (!h) return undefined;
  if (typeof (h as Headers).get === "function") return (h as Headers).get(name) ?? undefined;
  const rec = h as Record<string, string>;
  const k = Object.keys(rec).find((x) => x.toLowerCase() === name);
  return k ? rec[k] : undefined;
}

/** Retry-After: delta seconds or an HTTP date; undefined when absent or unreadable */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}
