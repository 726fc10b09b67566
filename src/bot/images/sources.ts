// Where an image comes from, and which URLs the bot is willing to fetch. The same rule
// applies to an incoming message and to the "Skapa märkt kopia" action, whose data
// carries the URL back from the client (so it cannot be trusted without this check).
import { z } from "zod";

/**
 * inline: a pasted image, `image/*` with a contentUrl on the Bot Connector
 * (…/v3/attachments/{id}/views/original), readable with the bot's own token;
 * file: an image sent as a file in 1:1 chat (`…teams.file.download.info`), a
 * pre-authorised SharePoint/OneDrive download URL that needs no token.
 */
export type ImageSourceKind = "inline" | "file";

export interface ImageSource {
  kind: ImageSourceKind;
  url: string;
  /** the file name Teams gave, if any (never logged) */
  name?: string;
}

export const imageSourceSchema = z.object({
  kind: z.enum(["inline", "file"]),
  url: z.string().min(1).max(16_384),
  name: z.string().max(256).optional(),
});

/** SharePoint/OneDrive hosts of Teams chat files (commercial and national clouds) */
const FILE_HOST_SUFFIXES = [".sharepoint.com", ".sharepoint.us", ".sharepoint-mil.us", ".sharepoint.de", ".sharepoint.cn", ".sharepoint-df.com"];

const ATTACHMENT_PATH = /\/v3\/attachments\/[^/]+\/views\/[^/]+\/?$/;

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1";
}

export interface UrlRules {
  /** the activity's serviceUrl: the only host the bot's token is ever sent to */
  serviceUrl: string | undefined;
  /** http:// on loopback hosts (local runs without Bot Framework auth only) */
  allowHttp: boolean;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** scheme check shared by both kinds: https, or http on a loopback host when allowed */
export function schemeAllowed(u: URL, allowHttp: boolean): boolean {
  if (u.protocol === "https:") return true;
  return allowHttp && u.protocol === "http:" && isLoopback(u.hostname);
}

/** true when the bot may fetch this source (and, for inline images, send its token there) */
export function acceptSource(src: ImageSource, rules: UrlRules): boolean {
  const u = parse(src.url);
  if (!u || u.username || u.password || !schemeAllowed(u, rules.allowHttp)) return false;
  if (src.kind === "inline") {
    const service = rules.serviceUrl ? parse(rules.serviceUrl) : undefined;
    return !!service && service.origin === u.origin && ATTACHMENT_PATH.test(u.pathname);
  }
  const host = u.hostname.toLowerCase();
  if (rules.allowHttp && isLoopback(host)) return true;
  return u.protocol === "https:" && FILE_HOST_SUFFIXES.some((s) => host.endsWith(s));
}
