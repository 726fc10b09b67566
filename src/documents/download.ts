// Downloads an attachment Teams points to (content.downloadUrl: a short-lived, pre-
// authorised SharePoint/OneDrive link). Bounded in size and time; https only, except a
// local run without bot auth (the Playground and tests serve files over http). The URL
// holds a token: it is never logged or put into an error.
import { CappedFetchError, fetchCapped } from "../http/capped-fetch";
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
  const allowed = (u: URL) => u.protocol === "https:" || (o.allowHttp && u.protocol === "http:");
  if (!allowed(parsed)) throw new DocumentError("insecureUrl");
  try {
    return await fetchCapped(parsed, { maxBytes: o.maxBytes, timeoutMs: o.timeoutMs, allowed });
  } catch (err) {
    if (err instanceof CappedFetchError) throw new DocumentError(err.code === "rejectedUrl" ? "insecureUrl" : err.code, err.retryable);
    throw err;
  }
}
