// The Graph directory's answer cache is bounded (issue 10, finding 6): activities bring
// any number of user object ids, and each used to stay in the cache for good (only its
// ttl made it stale, never gone). Past the bound the least recently used goes, and a
// forgotten answer is asked of Graph again; the ttl still applies.
import assert from "node:assert/strict";
import type { Client } from "@microsoft/microsoft-graph-client";
import { DIRECTORY_CACHE_MAX, GraphDirectory } from "../../src/directory/graph-directory";
import { ManualClock } from "../../src/incidents/clock";

const oid = (i: number) => `bbbbbbbb-0000-4000-8000-${String(i).padStart(12, "0")}`;
const BOSS = "cccccccc-0000-4000-8000-000000000001";

/** a Graph client answering every user's manager with BOSS, counting requests */
function fakeGraph() {
  const asked: string[] = [];
  const client = {
    api: (p: string) => ({
      select: () => ({
        get: async () => {
          asked.push(p);
          return { "@odata.type": "#microsoft.graph.user", id: BOSS, displayName: "Chef", userPrincipalName: "chef@contoso.se" };
        },
      }),
    }),
  } as unknown as Client;
  return { client, asked };
}

describe("GraphDirectory cache (bounded)", () => {
  it("100 000 users' managers: the cache stays within its bound; a forgotten answer is asked again", async () => {
    const g = fakeGraph();
    const clock = new ManualClock();
    const d = new GraphDirectory(g.client, { roles: {}, clock });
    for (let i = 0; i < 100_000; i++) {
      assert.equal((await d.manager(oid(i)))?.objectId, BOSS);
      if (i % 1000 === 0) await d.manager(oid(0)); // one user asked for all along stays cached
      assert.ok(d.cacheSize <= DIRECTORY_CACHE_MAX, `${d.cacheSize}`);
    }
    assert.equal(d.cacheSize, DIRECTORY_CACHE_MAX);
    const before = g.asked.length;
    assert.equal((await d.manager(oid(99_999)))?.objectId, BOSS);
    assert.equal((await d.manager(oid(0)))?.objectId, BOSS);
    assert.equal(g.asked.length, before, "the recent and the often-asked come from the cache");
    assert.equal((await d.manager(oid(1)))?.objectId, BOSS);
    assert.equal(g.asked.length, before + 1, "a forgotten one is asked of Graph again");
    assert.equal(g.asked.at(-1), `/users/${oid(1)}/manager`);
  });

  it("the ttl still holds: an answer older than cacheMs is asked again", async () => {
    const g = fakeGraph();
    const clock = new ManualClock();
    const d = new GraphDirectory(g.client, { roles: {}, clock, cacheMs: 60_000, cacheMax: 10 });
    await d.manager(oid(1));
    clock.advance(59_999);
    await d.manager(oid(1));
    assert.equal(g.asked.length, 1);
    clock.advance(1);
    await d.manager(oid(1));
    assert.equal(g.asked.length, 2);
  });
});
