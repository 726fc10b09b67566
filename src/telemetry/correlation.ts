// The correlation id of the turn being handled, carried through every async call the turn
// makes (AsyncLocalStorage): the logger adds it to each line (src/logging.ts), so a turn's
// lines, its connector and Graph calls included, can be found together.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

interface Scope {
  id: string;
  /** the id came from the caller's header: the activity id does not replace it */
  fromHeader: boolean;
}

const scopes = new AsyncLocalStorage<Scope>();

/** headers a caller (a gateway, a test, another service) may set to correlate its request */
export const CORRELATION_HEADERS = ["x-ms-correlation-id", "x-correlation-id"] as const;

// ids, not free text: a header or activity id outside this shape is not logged
const SAFE_ID = /^[A-Za-z0-9._:@|+=-]{1,128}$/;

/** runs fn with a correlation id: the caller's header when it is a plausible id, else a new one */
export function withCorrelation<T>(headers: Record<string, string | string[] | undefined>, fn: () => T): T {
  for (const h of CORRELATION_HEADERS) {
    const v = headers[h];
    if (typeof v === "string" && SAFE_ID.test(v)) return scopes.run({ id: v, fromHeader: true }, fn);
  }
  return scopes.run({ id: randomUUID(), fromHeader: false }, fn);
}

/** once the body is read: the activity's own id names the turn, unless a header named it */
export function adoptActivityId(id: unknown): void {
  const s = scopes.getStore();
  if (s && !s.fromHeader && typeof id === "string" && SAFE_ID.test(id)) s.id = id;
}

/** the current turn's correlation id, if any */
export function correlationId(): string | undefined {
  return scopes.getStore()?.id;
}
