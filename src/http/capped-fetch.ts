// A download into memory, bounded in size and time, that follows redirects by hand so each
// hop is checked (a redirect cannot lead to another scheme or host the caller refuses, and
// per-host headers such as a bot token go only where the caller says). The URL is never
// put into an error: download links carry tokens.

export type CappedFetchFailure =
  | "rejectedUrl" // the caller's rule refused the URL or a redirect target
  | "download" // HTTP error or network failure
  | "timeout" // took longer than the limit
  | "tooLarge"; // declared or actual size over the limit

export class CappedFetchError extends Error {
  constructor(
    readonly code: CappedFetchFailure,
    /** true when the same request may succeed later */
    readonly retryable = false,
  ) {
    super(`download: ${code}`);
    this.name = "CappedFetchError";
  }
}

export interface CappedFetchOptions {
  maxBytes: number;
  timeoutMs: number;
  /** whether a redirect target may be fetched (the first URL is the caller's to check) */
  allowed: (url: URL) => boolean;
  /** request headers per URL (e.g. a token for one origin only) */
  headersFor?: (url: URL) => Record<string, string>;
  /** redirects followed at most */
  maxRedirects?: number;
}

export async function fetchCapped(start: URL, o: CappedFetchOptions): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(o.timeoutMs);
  const headers = o.headersFor ?? (() => ({}));
  let url = start;
  try {
    let res = await fetch(url, { redirect: "manual", signal, headers: headers(url) });
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < (o.maxRedirects ?? 5); hops++) {
      const next = res.headers.get("location");
      await res.body?.cancel();
      if (!next) throw new CappedFetchError("download");
      url = new URL(next, url);
      if (!o.allowed(url)) throw new CappedFetchError("rejectedUrl");
      res = await fetch(url, { redirect: "manual", signal, headers: headers(url) });
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new CappedFetchError("download", res.status >= 500 || res.status === 429);
    }
    const declared = Number(res.headers.get("content-length") ?? "NaN");
    if (Number.isFinite(declared) && declared > o.maxBytes) {
      await res.body?.cancel();
      throw new CappedFetchError("tooLarge");
    }
    return await readCapped(res, o.maxBytes);
  } catch (err) {
    if (err instanceof CappedFetchError) throw err;
    const name = (err as { name?: string } | null)?.name;
    if (name === "TimeoutError" || name === "AbortError" || signal.aborted) throw new CappedFetchError("timeout", true);
    throw new CappedFetchError("download", true);
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new CappedFetchError("tooLarge");
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
