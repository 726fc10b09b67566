// The request body of a bot activity, read before anything else looks at it: the size is
// bounded on the wire and again after decoding (a gzip bomb is refused, not expanded), the
// content type and encoding are checked, and every failure is a client error with a short
// code, never a thrown stream error (restify 11's own reader crashed the process on a body
// that was not gzip: restify#1975).
import type { IncomingMessage } from "node:http";
import * as zlib from "node:zlib";
import type { Transform } from "node:stream";

export type BodyFailure =
  | "unsupportedMediaType" // not application/json
  | "unsupportedEncoding" // a Content-Encoding we do not decode
  | "tooLarge" // over the limit on the wire or after decoding
  | "badEncoding" // the body is not what its Content-Encoding says
  | "badJson" // not UTF-8 JSON, or not a JSON object
  | "tooDeep" // nested deeper than any activity is
  | "aborted" // the client went away mid-body
  | "timeout"; // the body did not arrive in time (a slow client holds a request slot)

const STATUS: Record<BodyFailure, number> = {
  unsupportedMediaType: 415,
  unsupportedEncoding: 415,
  tooLarge: 413,
  badEncoding: 400,
  badJson: 400,
  tooDeep: 400,
  aborted: 400,
  timeout: 408,
};

export class BodyError extends Error {
  readonly status: number;
  constructor(readonly code: BodyFailure) {
    super(`request body: ${code}`);
    this.name = "BodyError";
    this.status = STATUS[code];
  }
}

export interface BodyLimits {
  /** bytes on the wire and bytes after decoding, each */
  maxBytes: number;
  /** objects and arrays nested at most */
  maxDepth: number;
  /** the whole body must have arrived within this */
  timeoutMs: number;
}

/** "application/json", with or without parameters ("; charset=utf-8"); other charsets are refused */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(";").map((p) => p.trim().toLowerCase());
  if (type !== "application/json") return false;
  const charset = params.find((p) => p.startsWith("charset="));
  return !charset || /^charset="?utf-8"?$/.test(charset);
}

function decoderFor(header: string | undefined): Transform | undefined {
  const codings = (header ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity");
  if (codings.length === 0) return undefined;
  // one coding at most: stacked codings are not something a channel sends
  if (codings.length > 1) throw new BodyError("unsupportedEncoding");
  switch (codings[0]) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      throw new BodyError("unsupportedEncoding");
  }
}

/** collects at most `max` bytes from a stream by `deadline` (epoch ms); more is "tooLarge", later "timeout", a stream error is `onError` */
function collect(stream: NodeJS.ReadableStream, max: number, onError: BodyFailure, deadline: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const timer = setTimeout(() => finish(new BodyError("timeout")), Math.max(0, deadline - Date.now()));
    const finish = (err?: BodyError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stream.removeListener("data", onData);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) return finish(new BodyError("tooLarge"));
      chunks.push(chunk);
    };
    stream.on("data", onData);
    stream.once("end", () => finish());
    // "close" follows every "end": the error is made only for a stream that closed unfinished
    const failed = () => done || finish(new BodyError(onError));
    stream.once("error", failed);
    stream.once("close", failed);
  });
}

/** the deepest nesting of objects and arrays, counted without recursion, stopping past `limit` */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads and parses a JSON object body within the limits. Throws BodyError: the caller
 * answers with its status and code (and closes the connection: an over-long body is not read).
 */
export async function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<Record<string, unknown>> {
  // a client that goes away mid-body makes the request emit "error": handled by collect's "close"
  req.on("error", () => undefined);
  const deadline = Date.now() + limits.timeoutMs;
  if (!isJsonContentType(req.headers["content-type"])) throw new BodyError("unsupportedMediaType");
  const decoder = decoderFor(req.headers["content-encoding"]);
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw new BodyError("tooLarge");

  let raw: Buffer;
  if (!decoder) {
    raw = await collect(req, limits.maxBytes, "aborted", deadline);
  } else {
    // the wire is bounded by collect's sibling below; the decoded side by collect itself
    let wire = 0;
    const wireGuard = (chunk: Buffer) => {
      wire += chunk.length;
      if (wire > limits.maxBytes) decoder.destroy(new BodyError("tooLarge"));
    };
    req.on("data", wireGuard);
    req.once("aborted", () => decoder.destroy());
    req.pipe(decoder);
    try {
      raw = await collect(decoder, limits.maxBytes, "badEncoding", deadline);
    } catch (e) {
      throw wire > limits.maxBytes ? new BodyError("tooLarge") : e;
    } finally {
      req.removeListener("data", wireGuard);
      req.unpipe(decoder);
      decoder.destroy();
    }
  }

  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(raw));
  } catch {
    throw new BodyError("badJson");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new BodyError("badJson");
  if (nestingDepth(value, limits.maxDepth) > limits.maxDepth) throw new BodyError("tooDeep");
  return value as Record<string, unknown>;
}
