// The manifest side of draft review: files reach the bot (supportsFiles), the message
// action exists in Swedish and English, and the filled manifest still matches the schema.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { fillPlaceholders } from "../../scripts/package-app";
import { assertValid, teamsManifestValidator } from "../support/schemas";
import { REVIEW_COMMAND_ID } from "../../src/bot/handlers/review-action";

describe("manifest: draft review", () => {
  const dir = path.join(projectRoot(), "appPackage");
  const values = { BOT_ID: "11111111-2222-3333-4444-555555555555", TEAMS_APP_ID: "11111111-2222-3333-4444-555555555555", BOT_DOMAIN: "policybot.example.se", APP_VERSION: "1.0.0" };
  const manifest = JSON.parse(fillPlaceholders(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"), values));
  const en = JSON.parse(fs.readFileSync(path.join(dir, "en.json"), "utf8"));

  it("is valid against the Teams 1.29 schema with the message action and file support", () => {
    assertValid(teamsManifestValidator(), manifest, "manifest.json");
    assert.equal(manifest.bots[0].supportsFiles, true);
  });

  it("has the message action 'Granska före Copilot' on messages, bot-based, answered by this bot", () => {
    const [ext] = manifest.composeExtensions;
    assert.equal(ext.botId, values.BOT_ID);
    const cmd = ext.commands.find((c: any) => c.id === REVIEW_COMMAND_ID);
    assert.ok(cmd, "the command id the handler answers to");
    assert.deepEqual([cmd.type, cmd.context, cmd.fetchTask, cmd.title], ["action", ["message"], true, "Granska före Copilot"]);
    assert.equal(en["composeExtensions[0].commands[0].title"], "Review before Copilot");
    assert.equal(typeof en["composeExtensions[0].commands[0].description"], "string");
    assert.ok(en["composeExtensions[0].commands[0].description"].length <= 128 && cmd.description.length <= 128);
  });
});
