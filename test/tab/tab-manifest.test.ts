// The app package's tab: the checker and the policy browser as personal static tabs (the
// bot's chat kept first), pointing at the server's tab pages with Teams' {locale}, and
// webApplicationInfo naming the app's Application ID URI for SSO; valid against 1.29.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadConfig } from "../../src/config";
import { buildAppPackage } from "../../scripts/package-app";
import { readZip } from "../support/zip";
import { assertValid, teamsManifestValidator } from "../support/schemas";
import { TAB_PAGES } from "../../src/tab/pages";

const APP_ID = "11111111-2222-3333-4444-555555555555";

describe("Teams app package: the tab", () => {
  let manifest: any;
  let en: Record<string, string>;
  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-pkg-"));
    const r = await buildAppPackage(loadConfig({ MICROSOFT_APP_ID: APP_ID, BOT_DOMAIN: "policybot.example.se" }), path.join(dir, "policybot.zip"));
    const files = readZip(fs.readFileSync(r.file));
    manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));
    en = JSON.parse(files.get("en.json")!.toString("utf8"));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is valid against the 1.29 schema with its static tabs", () => {
    assertValid(teamsManifestValidator(), manifest, "manifest.json");
  });

  it("has the chat, the draft checker and the policy browser as personal tabs on the bot's host, in the user's language", () => {
    const tabs = manifest.staticTabs as Array<{ entityId: string; contentUrl?: string; websiteUrl?: string; scopes: string[]; name?: string }>;
    assert.deepEqual(tabs.map((t) => t.entityId), ["conversations", "checker", "policy", "about"]);
    for (const t of tabs) assert.deepEqual(t.scopes, ["personal"]);
    for (const id of ["checker", "policy"] as const) {
      const t = tabs.find((x) => x.entityId === id)!;
      assert.equal(t.contentUrl, `https://policybot.example.se${TAB_PAGES[id]}?lang={locale}`);
      assert.equal(t.websiteUrl, `https://policybot.example.se${TAB_PAGES[id]}`);
    }
    assert.equal(en["staticTabs[1].name"], "Check a draft");
    assert.equal(en["staticTabs[2].name"], "The policy");
  });

  it("names the app's Application ID URI for SSO (getAuthToken), on a valid domain", () => {
    assert.deepEqual(manifest.webApplicationInfo, { id: APP_ID, resource: `api://policybot.example.se/${APP_ID}` });
    assert.ok(manifest.validDomains.includes("policybot.example.se"));
  });
});
