// Installs the bot for a user through Microsoft Graph so it can write to someone who
// never opened it (application permission TeamsAppInstallation.ReadWriteSelfForUser.All,
// and webApplicationInfo in the manifest), then finds the 1:1 chat:
//   POST /users/{id}/teamwork/installedApps {teamsApp@odata.bind}   (409: already there)
//   GET  /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{app}'
//   GET  /users/{id}/teamwork/installedApps/{installationId}/chat
// The catalog id of an app uploaded to the organisation's catalog differs from the
// manifest id: it is looked up once by externalId unless configured.
import type { Client } from "@microsoft/microsoft-graph-client";
import { GraphError } from "../../m365/graph-error";
import { call } from "../../m365/sharepoint-list";

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface GraphInstallerOptions {
  /** the manifest's id (TEAMS_APP_ID) */
  manifestAppId: string;
  /** the app's id in the organisation's app catalog, when known (TEAMS_CATALOG_APP_ID) */
  catalogAppId?: string;
  /** Graph's host for the odata.bind link; default https://graph.microsoft.com */
  graphHost?: string;
}

export interface AppInstaller {
  /** installs the app for the user if needed and returns the id of the user's chat with the bot */
  chatFor(userObjectId: string): Promise<string>;
}

export class GraphAppInstaller implements AppInstaller {
  private catalogId: string | undefined;

  constructor(
    private readonly client: Client,
    private readonly o: GraphInstallerOptions,
  ) {
    this.catalogId = o.catalogAppId || undefined;
  }

  async chatFor(userObjectId: string): Promise<string> {
    if (!ID.test(userObjectId)) throw new GraphError("not an object id", 400, "invalid_id", false, false);
    const user = `/users/${encodeURIComponent(userObjectId)}/teamwork/installedApps`;
    const appId = await this.appCatalogId();
    try {
      await call("POST", () => this.client.api(user).post({ "teamsApp@odata.bind": `${this.o.graphHost ?? "https://graph.microsoft.com"}/v1.0/appCatalogs/teamsApps/${appId}` }));
    } catch (e) {
      // already installed for the user: fine, find the installation below
      if (!(e instanceof GraphError && e.status === 409)) throw e;
    }
    const found = await call<{ value?: Array<{ id?: string }> }>("GET", () => this.client.api(user).expand("teamsApp").filter(`teamsApp/id eq '${appId}'`).get());
    const installationId = found?.value?.[0]?.id;
    if (!installationId) throw new GraphError("the app is not installed for the user", 404, "installation_not_found", false, false);
    const chat = await call<{ id?: string }>("GET", () => this.client.api(`${user}/${encodeURIComponent(installationId)}/chat`).get());
    if (!chat?.id) throw new GraphError("no chat for the installation", 404, "chat_not_found", false, false);
    return chat.id;
  }

  private async appCatalogId(): Promise<string> {
    if (this.catalogId) return this.catalogId;
    const r = await call<{ value?: Array<{ id?: string }> }>("GET", () => this.client.api("/appCatalogs/teamsApps").filter(`externalId eq '${this.o.manifestAppId.replace(/'/g, "")}'`).get());
    const id = r?.value?.[0]?.id;
    if (!id) throw new GraphError("the app is not in the organisation's app catalog", 404, "app_not_in_catalog", false, false);
    this.catalogId = id;
    return id;
  }
}
