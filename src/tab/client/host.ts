// Where the tab runs. Framed (Teams, or another Microsoft 365 host): teams-js is loaded,
// initialised, and gives the theme, the language, the deep link's section and SSO tokens.
// Not framed: local development, which the page says; the server then serves loopback only.
export type Theme = "default" | "dark" | "contrast";

export interface Host {
  inTeams: boolean;
  theme: Theme;
  locale?: string;
  /** a deep link's subPageId (the policy section) */
  subPageId?: string;
  /** a fresh SSO token for the API; undefined outside Teams */
  token(): Promise<string | undefined>;
  onThemeChange(f: (t: Theme) => void): void;
}

const INIT_TIMEOUT_MS = 8000;

export async function connectHost(hostOrigins: string[]): Promise<Host> {
  if (window.parent === window) {
    return { inTeams: false, theme: matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "default", token: async () => undefined, onThemeChange: () => undefined };
  }
  const teams = await import("@microsoft/teams-js");
  await Promise.race([
    teams.app.initialize(hostOrigins.length ? hostOrigins : undefined),
    new Promise((_, reject) => setTimeout(() => reject(new Error("host did not answer")), INIT_TIMEOUT_MS)),
  ]);
  const ctx = await teams.app.getContext();
  let cached: { token: string; exp: number } | undefined;
  let pending: Promise<string> | undefined;
  const host: Host = {
    inTeams: true,
    theme: asTheme(ctx.app.theme),
    locale: ctx.app.locale,
    subPageId: ctx.page.subPageId || undefined,
    async token() {
      // teams-js caches too; this saves a round trip to the host per API call
      if (cached && cached.exp - Date.now() > 60_000) return cached.token;
      // calls made together share one request to the host
      pending ??= teams.authentication.getAuthToken().finally(() => (pending = undefined));
      const token = await pending;
      cached = { token, exp: expiry(token) };
      return token;
    },
    onThemeChange(f) {
      teams.app.registerOnThemeChangeHandler((t) => f(asTheme(t)));
    },
  };
  teams.app.notifySuccess();
  return host;
}

function asTheme(t: string | undefined): Theme {
  return t === "dark" || t === "contrast" ? t : "default";
}

/** the token's exp in ms (it is only read, never trusted: the server validates it) */
function expiry(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: number };
    return (payload.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
}
