// Records for the tab's dashboard tests: incidents and approval requests as the bot files them.
import { randomUUID } from "node:crypto";
import type { Incident } from "../../src/incidents/model";
import { referenceFor } from "../../src/incidents/reference";

/** a personal-data incident reported `ageH` hours ago, discovered an hour before that */
export function testIncident(over: Partial<Incident> = {}, ageH = 5, now = Date.now()): Incident {
  const id = randomUUID();
  const reported = new Date(now - ageH * 3600_000);
  const discovered = new Date(reported.getTime() - 3600_000).toISOString();
  const infoKinds = over.infoKinds ?? ["personal"];
  const personal = infoKinds.includes("personal") || infoKinds.includes("sensitive");
  return {
    id,
    reference: referenceFor("INC", id, reported),
    reporter: { objectId: randomUUID(), name: "Test Reporter" },
    reportedAt: reported.toISOString(),
    occurredAt: discovered,
    discoveredAt: discovered,
    tool: "ChatGPT",
    infoKinds,
    description: "Klistrade in en elevlista i ChatGPT",
    personalData: personal,
    ...(personal ? { imyDeadline: new Date(Date.parse(discovered) + 72 * 3600_000).toISOString() } : {}),
    status: "new",
    policyPack: "soderkoping",
    ...over,
  };
}
