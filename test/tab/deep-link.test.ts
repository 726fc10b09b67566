// Deep links to a policy section: from the bot's answer card (over real HTTP) to the
// manifest's policy tab, with a section id the policy browser has.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { randomUUID } from "node:crypto";
import { parseSectionRef, policySectionDeepLink } from "../../src/tab/deep-link";
import { sectionSlug } from "../../src/tab/section-slug";
import { projectRoot } from "../../src/project-root";
import { testLibrary } from "../support/library";
import { ConnectorStub } from "../support/connector-stub";
import { startBot } from "../support/bot-server";
import { message, post } from "../support/activities";
import { actionsOf, cardOf } from "../support/cards";
import { adaptiveCardValidator, assertValid } from "../support/schemas";

describe("tab deep links to a policy section", () => {
  it("opens the manifest's policy tab with <pack>/<section id> as subEntityId, which the page reads back", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot(), "appPackage", "manifest.json"), "utf8")) as { staticTabs: Array<{ entityId: string }> };
    const url = new URL(policySectionDeepLink("11111111-2222-3333-4444-555555555555", "soderkoping", "3.1 Personuppgifter"));
    assert.equal(url.origin, "https://teams.microsoft.com");
    assert.equal(url.pathname, "/l/entity/11111111-2222-3333-4444-555555555555/policy");
    assert.ok(manifest.staticTabs.some((t) => t.entityId === "policy"));
    const sub = (JSON.parse(url.searchParams.get("context")!) as { subEntityId: string }).subEntityId;
    assert.equal(sub, "soderkoping/3-1-personuppgifter");
    assert.deepEqual(parseSectionRef(sub), { pack: "soderkoping", section: "3-1-personuppgifter" });
    assert.deepEqual(parseSectionRef("3-2-sekretess"), { pack: undefined, section: "3-2-sekretess" });
    assert.deepEqual(parseSectionRef("../x"), {});
  });

  it("every section of every pack has its own id, so a cited section is always found", () => {
    const lib = testLibrary();
    for (const id of lib.ids()) {
      const slugs = lib.get(id).sections.map((s) => sectionSlug(s.heading));
      assert.equal(new Set(slugs).size, slugs.length, `${id}: ${slugs.join(", ")}`);
      for (const s of slugs) assert.match(s, /^[a-z0-9-]+$/);
    }
  });

  it("the bot's answer card links to the first quote's section when the app has a Teams app id, and not without one", async () => {
    const connector = new ConnectorStub();
    const serviceUrl = await connector.start();
    const appId = randomUUID();
    const withId = await startBot({ TEAMS_APP_ID: appId });
    const without = await startBot();
    try {
      const question = "Får jag använda Copilot med personuppgifter?";
      const expected = withId.library.ask("soderkoping", question);
      assert.equal((await post(withId.url, message(question, { serviceUrl }))).status, 200);
      let card = cardOf((await connector.waitFor(1))[0].activity);
      assertValid(adaptiveCardValidator(), card, "answer card");
      const link = actionsOf(card).find((a) => a.type === "Action.OpenUrl") as { title: string; url: string } | undefined;
      assert.ok(link, "an Action.OpenUrl");
      assert.equal(link.title, "Läs avsnittet i policyn");
      assert.equal(link.url, policySectionDeepLink(appId, "soderkoping", expected.citations[0].section));
      connector.clear();
      assert.equal((await post(without.url, message(question, { serviceUrl }))).status, 200);
      card = cardOf((await connector.waitFor(1))[0].activity);
      assert.deepEqual(actionsOf(card).map((a) => a.type), ["Action.Execute", "Action.Execute"]);
    } finally {
      await withId.stop();
      await without.stop();
      await connector.stop();
    }
  });
});
