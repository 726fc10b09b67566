import assert from "node:assert/strict";
import { nextDelay } from "../../src/incidents/outbox";
import { GraphError, parseRetryAfter } from "../../src/m365/graph-error";

describe("GraphError classification and Retry-After", () => {
  const from = (statusCode: number, code: string, method: "GET" | "POST", headers?: Record<string, string>) =>
    GraphError.from(Object.assign(new Error("x"), { statusCode, code, headers: headers && new Headers(headers) }), method);

  it("what may be retried, and what may already have happened", () => {
    const cases: [number, string, "GET" | "POST", boolean, boolean][] = [
      [429, "TooManyRequests", "POST", true, false],
      [503, "serviceNotAvailable", "POST", true, false],
      [504, "gatewayTimeout", "POST", true, true],
      [504, "gatewayTimeout", "GET", true, false],
      [400, "invalidRequest", "POST", false, false],
      [404, "itemNotFound", "GET", false, false],
      [-1, "NetworkError", "POST", true, true],
      [-1, "TimeoutError", "POST", true, true],
      [-1, "TokenError", "POST", true, false],
    ];
    for (const [status, code, method, retryable, ambiguous] of cases) {
      const e = from(status, code, method);
      assert.deepEqual([e.retryable, e.ambiguous], [retryable, ambiguous], `${status} ${code} ${method}`);
    }
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-03-02T10:00:00Z");
    assert.equal(parseRetryAfter("315", now), 315_000);
    assert.equal(parseRetryAfter("Mon, 02 Mar 2026 10:00:30 GMT", now), 30_000);
    assert.equal(parseRetryAfter("soon", now), undefined);
    assert.equal(from(429, "TooManyRequests", "POST", { "Retry-After": "42" }).retryAfterMs, 42_000);
  });

  it("the outbox waits at least what the server asked, with a capped exponential backoff", () => {
    assert.equal(nextDelay(1, 900_000), 30_000);
    assert.equal(nextDelay(3, 900_000), 120_000);
    assert.equal(nextDelay(20, 900_000), 900_000);
    assert.equal(nextDelay(1, 900_000, 315_000), 315_000);
  });
});
