// `npm run package` output: a zip with manifest.json, its localization file and both
// icons at the root; the manifest valid against the Teams 1.29 schema.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadConfig } from "../../src/config";
import { buildAppPackage, fillPlaceholders } from "../../scripts/package-app";
import { readZip } from "../support/zip";
import { assertValid, teamsManifestValidator } from "../support/schemas";

const APP_ID = "11111111-2222-3333-4444-555555555555";
const env = { MICROSOFT_APP_ID: APP_ID, BOT_DOMAIN: "policybot.example.se" };

describe("Teams app package", () => {
  let dir: string;
  let files: Map<string, Buffer>;
  let manifest: any;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-pkg-"));
    const r = await buildAppPackage(loadConfig(env), path.join(dir, "policybot.zip"));
    files = readZip(fs.readFileSync(r.file));
    manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("holds exactly manifest.json, en.json and the two icons, at the zip root", () => {
    assert.deepEqual([...files.keys()].sort(), ["color.png", "en.json", "manifest.json", "outline.png"]);
  });

  it("has a manifest valid against the Teams 1.29 schema, placeholders filled", () => {
    assertValid(teamsManifestValidator(), manifest, "manifest.json");
    assert.equal(manifest.manifestVersion, "1.29");
    assert.equal(manifest.id, APP_ID, "TEAMS_APP_ID defaults to the bot's app id");
    assert.equal(manifest.bots[0].botId, APP_ID);
    assert.deepEqual(manifest.validDomains, ["policybot.example.se"]);
    assert.ok(!files.get("manifest.json")!.toString("utf8").includes("${{"), "no placeholder left");
  });

  it("offers the bot in personal, team and group chat scopes", () => {
    assert.deepEqual([...manifest.bots[0].scopes].sort(), ["groupChat", "personal", "team"]);
  });

  it("has Swedish commands in the manifest and English ones in en.json, for every command", () => {
    assert.equal(manifest.localizationInfo.defaultLanguageTag, "sv-se");
    const en = JSON.parse(files.get("en.json")!.toString("utf8"));
    const lists: Array<{ commands: Array<{ title: string; description?: string }> }> = manifest.bots[0].commandLists;
    assert.ok(lists[0].commands.some((c) => c.title === "hjälp"));
    lists.forEach((list, i) =>
      list.commands.forEach((c, j) => {
        const key = `bots[0].commandLists[${i}].commands[${j}]`;
        assert.equal(typeof en[`${key}.title`], "string", `${key}.title translated`);
        assert.ok(en[`${key}.title`].length <= 128);
        if (c.description) assert.equal(typeof en[`${key}.description`], "string", `${key}.description translated`);
      }),
    );
    assert.equal(en["bots[0].commandLists[0].commands[0].title"], "help");
    for (const k of ["name.short", "description.short", "description.full"]) assert.equal(typeof en[k], "string");
    assert.ok(en["description.short"].length <= 80);
  });

  it("the validator rejects a manifest with a wrong version or a non-GUID bot id", () => {
    const v = teamsManifestValidator();
    assert.equal(v({ ...manifest, manifestVersion: "1.28" }), false);
    assert.equal(v({ ...manifest, bots: [{ ...manifest.bots[0], botId: "not-a-guid" }] }), false);
  });

  it("fails with a clear message when MICROSOFT_APP_ID or BOT_DOMAIN is missing", async () => {
    await assert.rejects(buildAppPackage(loadConfig({}), path.join(dir, "x.zip")), /MICROSOFT_APP_ID[\s\S]*BOT_DOMAIN/);
    await assert.rejects(buildAppPackage(loadConfig({ ...env, MICROSOFT_APP_ID: "abc" }), path.join(dir, "y.zip")), /must be a GUID/);
  });

  it("refuses an unknown placeholder instead of leaving it blank", () => {
    assert.throws(() => fillPlaceholders("${{NOPE}}", {}), /NOPE/);
  });
});
