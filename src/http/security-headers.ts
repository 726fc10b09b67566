// Headers on every response. The API answers JSON that nothing should render, frame or
// sniff; the HTML pages (./pages.ts) load nothing but their own inline style and may be
// framed by Teams and the other Microsoft 365 hosts only.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";

/**
 * the Microsoft 365 hosts that may frame a page (Microsoft Learn, "Tab requirements": the new
 * *.cloud.microsoft, Teams, Microsoft 365 and Outlook; *.skype.com for older Teams clients)
 */
export const TEAMS_FRAME_ANCESTORS = [
  "https://*.cloud.microsoft",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.skype.com",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
];

/** for JSON and errors: nothing may load, run or frame */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** for a page whose only resource is the inline style with this hash */
export function pageCsp(styleHash: string): string {
  return [
    "default-src 'none'",
    `style-src '${styleHash}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(" ")}`,
  ].join("; ");
}

/** HSTS only means something over TLS: App Service ends TLS at its front end and says so in X-Forwarded-Proto */
function overTls(req: IncomingMessage): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  const proto = req.headers["x-forwarded-proto"];
  return typeof proto === "string" && proto.split(",")[0].trim().toLowerCase() === "https";
}

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  // restify names itself in Server; the name tells an attacker nothing useful but is not needed either
  res.removeHeader("Server");
  res.removeHeader("X-Powered-By");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Content-Security-Policy", API_CSP);
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  if (overTls(req)) res.setHeader("Strict-Transport-Security", "max-age=31536000");
}

/** a page's own frame rule: X-Frame-Options cannot name several hosts, so CSP alone decides */
export function allowTeamsFraming(res: ServerResponse, styleHash: string): void {
  res.removeHeader("X-Frame-Options");
  // a cross-origin frame is a navigation, but a host that isolates itself (COEP) would refuse a same-origin-only page
  res.removeHeader("Cross-Origin-Resource-Policy");
  res.setHeader("Content-Security-Policy", pageCsp(styleHash));
}
