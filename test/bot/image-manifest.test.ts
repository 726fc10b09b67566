// The Teams app package with resource-specific consent for reading channel and chat
// messages (so shared AI images are seen without an @mention), valid against 1.29.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadConfig } from "../../src/config";
import { buildAppPackage } from "../../scripts/package-app";
import { readZip } from "../support/zip";
import { assertValid, teamsManifestValidator } from "../support/schemas";

const APP_ID = "11111111-2222-3333-4444-555555555555";

describe("Teams manifest: RSC for AI images in channels and group chats", () => {
  let manifest: any;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-rsc-"));
    const r = await buildAppPackage(loadConfig({ MICROSOFT_APP_ID: APP_ID, BOT_DOMAIN: "policybot.example.se" }), path.join(dir, "p.zip"));
    manifest = JSON.parse(readZip(fs.readFileSync(r.file)).get("manifest.json")!.toString("utf8"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("asks for ChannelMessage.Read.Group and ChatMessage.Read.Chat as application permissions, and validates", () => {
    assertValid(teamsManifestValidator(), manifest, "manifest.json");
    const rsc = manifest.authorization.permissions.resourceSpecific;
    assert.deepEqual(
      rsc.map((p: { name: string; type: string }) => `${p.name}/${p.type}`).sort(),
      ["ChannelMessage.Read.Group/Application", "ChatMessage.Read.Chat/Application"],
    );
    assert.equal(manifest.webApplicationInfo.id, APP_ID, "RSC needs the app registration's id");
  });

  it("the validator rejects a wrong permission type", () => {
    const bad = structuredClone(manifest);
    bad.authorization.permissions.resourceSpecific[0].type = "Everything";
    assert.equal(teamsManifestValidator()(bad), false);
  });
});
