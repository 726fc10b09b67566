import type { Context } from "@microsoft/microsoft-graph-client";

/** sets a request header whether the client built a Headers object or a plain one */
export function setHeader(ctx: Context, name: string, value: string): void {
  ctx.options ??= {};
  const h = ctx.options.headers;
  if (h instanceof Headers) h.set(name, value);
  else if (Array.isArray(h)) ctx.options.headers = [...h.filter(([k]) => k.toLowerCase() !== name.toLowerCase()), [name, value]];
  else ctx.options.headers = { ...(h as Record<string, string> | undefined), [name]: value };
}

export function methodOf(ctx: Context): string {
  return (ctx.options?.method ?? "GET").toUpperCase();
}
