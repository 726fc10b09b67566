// Deep links to a policy section: the manifest's tab, and an id the policy browser has.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { policySectionDeepLink } from "../../src/tab/deep-link";
import { sectionSlug } from "../../src/tab/section-slug";
import { projectRoot } from "../../src/project-root";
import { testLibrary } from "../support/library";

describe("tab deep links to a policy section", () => {
  it("opens the manifest's policy tab with the section's id as subEntityId", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot(), "appPackage", "manifest.json"), "utf8")) as { staticTabs: Array<{ entityId: string }> };
    const url = new URL(policySectionDeepLink("11111111-2222-3333-4444-555555555555", "3.1 Personuppgifter"));
    assert.equal(url.origin, "https://teams.microsoft.com");
    assert.equal(url.pathname, "/l/entity/11111111-2222-3333-4444-555555555555/policy");
    assert.ok(manifest.staticTabs.some((t) => t.entityId === "policy"));
    assert.deepEqual(JSON.parse(url.searchParams.get("context")!), { subEntityId: "3-1-personuppgifter" });
  });

  it("every section of every pack has its own id, so a cited section is always found", () => {
    const lib = testLibrary();
    for (const id of lib.ids()) {
      const slugs = lib.get(id).sections.map((s) => sectionSlug(s.heading));
      assert.equal(new Set(slugs).size, slugs.length, `${id}: ${slugs.join(", ")}`);
      for (const s of slugs) assert.match(s, /^[a-z0-9-]+$/);
    }
  });
});
