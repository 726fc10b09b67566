// A stand-in for the Teams client around a tab: a page on its own origin that frames the tab
// in an iframe and answers teams-js 2.x the way Teams does, over postMessage: "initialize"
// (frame context, client type, runtime config, SDK version), "getContext" (the legacy context:
// theme, locale, subEntityId, user and tenant ids), "authentication.getAuthToken" (an SSO token
// the test hands in), and "themeChange" pushed to the tab. Every message the tab sends is kept
// in window.hostLog for assertions. The messages' shapes follow teams-js
// (dist/umd/MicrosoftTeams.js: createMessageRequest, handleIncomingMessageFromParent).
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface HostContext {
  theme: "default" | "dark" | "contrast";
  locale: string;
  /** a deep link's sub-entity (the policy section) */
  subEntityId?: string;
  userObjectId: string;
  tid: string;
  /** what getAuthToken answers: a token, or an error string the SDK turns into a failure */
  token?: string;
  tokenError?: string;
}

/** the runtime a current Teams web client announces (the capabilities the tab uses) */
const RUNTIME = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isNAAChannelRecommended: false,
  isLegacyTeams: false,
  supports: { app: { lifecycle: { caching: {} } }, appInstallDialog: {}, authentication: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teams: { fullTrust: {} } },
};

function hostPage(tabUrl: string, ctx: HostContext): string {
  const cfg = JSON.stringify({ tabUrl, tabOrigin: new URL(tabUrl).origin, ctx, runtime: RUNTIME }).replace(/</g, "\\u003c");
  return `<!doctype html><html><head><meta charset="utf-8"><title>Teams test host</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><iframe id="tab" title="Policybot"></iframe>
<script>
const cfg = ${cfg};
window.hostLog = [];
const frame = document.getElementById("tab");
const reply = (msg, args) => frame.contentWindow.postMessage({ id: msg.id, uuidAsString: msg.uuidAsString, args }, cfg.tabOrigin);
window.addEventListener("message", (e) => {
  if (e.source !== frame.contentWindow || e.origin !== cfg.tabOrigin) return;
  const msg = e.data;
  if (!msg || typeof msg.func !== "string") return;
  window.hostLog.push({ func: msg.func, args: msg.args });
  const c = cfg.ctx;
  switch (msg.func) {
    case "initialize":
      return reply(msg, ["content", "web", JSON.stringify(cfg.runtime), "2.0.0"]);
    case "getContext":
      return reply(msg, [{ theme: c.theme, locale: c.locale, subEntityId: c.subEntityId, entityId: "policy", userObjectId: c.userObjectId, tid: c.tid, hostClientType: "web", frameContext: "content", appSessionId: "test-session", isFullScreen: false }]);
    case "authentication.getAuthToken":
      return reply(msg, c.token ? [true, c.token] : [false, c.tokenError || "resourceDisabled"]);
  }
});
window.setTheme = (theme) => frame.contentWindow.postMessage({ func: "themeChange", args: [theme] }, cfg.tabOrigin);
frame.src = cfg.tabUrl;
</script></body></html>`;
}

export class TeamsHost {
  private server?: http.Server;
  /** the page for a tab URL and context, by id */
  private readonly pages = new Map<string, string>();
  private next = 0;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const page = this.pages.get((req.url ?? "").slice(1));
      res.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      res.end(page ?? "not found");
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** the URL of a host page framing tabUrl with this context */
  page(tabUrl: string, ctx: HostContext): string {
    const id = `host-${++this.next}`;
    this.pages.set(id, hostPage(tabUrl, ctx));
    return `${this.origin}/${id}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
