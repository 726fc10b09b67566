// Downloads an attachment Teams points to (content.downloadUrl: a short-lived, pre-
// authorised SharePoint/OneDrive link). Bounded in size and time; https only, except a
// local run without bot auth (the Playground and tests serve files over http). The URL
// holds a token: it is never logged or put into an error.
import { DocumentError } from "./errors";

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  /** allow http:// (local runs without Bot Framework auth only) */
  allowHttp: boolean;
}

export async function downloadFile(url: string, o: DownloadOptions): Promise<Uint8Array> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DocumentError("download");
  }
  if (!(parsed.protocol === "https:" || (o.allowHttp && parsed.protocol === "http:"))) throw new DocumentError("insecureUrl");
  const signal = AbortSignal.timeout(o.timeoutMs);
  try {
    // redirects are followed by hand, so a redirect cannot lead to http or another scheme
    let res = await fetch(parsed, { redirect: "manual", signal });
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 5; hops++) {
      const next = res.headers.get("location");
      await res.body?.cancel();
      if (!next) throw new DocumentError("download");
      const target = new URL(next, parsed);
      if (!(target.protocol === "https:" || (o.allowHttp && target.protocol === "http:"))) throw new DocumentError("insecureUrl");
      parsed = target;
      res = await fetch(parsed, { redirect: "manual", signal });
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new DocumentError("download", res.status >= 500 || res.status === 429);
    }
    const declared = Number(res.headers.get("content-length") ?? "NaN");
    if (Number.isFinite(declared) && declared > o.maxBytes) {
      await res.body?.cancel();
      throw new DocumentError("tooLarge");
    }
    return await readCapped(res, o.maxBytes);
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    const name = (err as { name?: string } | null)?.name;
    if (name === "TimeoutError" || name === "AbortError" || signal.aborted) throw new DocumentError("timeout", true);
    throw new DocumentError("download", true);
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
      throw new DocumentError("tooLarge");
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
