// The tab's calls to its own server, with the SSO token when in Teams. Never called by the
// draft checker: a draft stays in the page.
import type { Host } from "./host";

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string) {
    super(code);
  }
}

export function apiClient(host: Host) {
  const call = async <T>(method: "GET" | "POST", url: string, body?: unknown): Promise<T> => {
    const token = await host.token().catch(() => {
      throw new ApiFailure(401, "signIn");
    });
    const headers: Record<string, string> = { accept: "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "omit" }).catch(() => {
      throw new ApiFailure(0, "offline");
    });
    const json = (await res.json().catch(() => ({}))) as T & { error?: string };
    if (!res.ok) throw new ApiFailure(res.status, json.error ?? "error");
    return json;
  };
  return { get: <T>(url: string) => call<T>("GET", url), post: <T>(url: string, body: unknown) => call<T>("POST", url, body) };
}
export type Api = ReturnType<typeof apiClient>;
