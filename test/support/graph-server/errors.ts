// Graph-shaped error bodies: {error: {code, message, innerError: {date, request-id}}}.
import { randomUUID } from "node:crypto";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, "invalidRequest", message);
export const notFound = (message = "The resource could not be found.") => new HttpError(404, "itemNotFound", message);

export function errorBody(e: HttpError, requestId = randomUUID()): string {
  return JSON.stringify({
    error: { code: e.code, message: e.message, innerError: { date: new Date().toISOString().slice(0, 19), "request-id": requestId, "client-request-id": requestId } },
  });
}
