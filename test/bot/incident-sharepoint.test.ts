// Incident reporting over HTTP with INCIDENT_STORE=sharepoint: the real Graph client and
// msal-node against the local Graph-compatible server (test/support/graph-server), which
// checks every item against the list schema in infra/. One submit, one list item; in an
// outage the reporter is told the report is saved and queued, and the outbox files it
// when the server is back, after which the security channel gets the notice with the link.
import * as assert from "node:assert/strict";
import { REFERENCE_PATTERN } from "../../src/incidents";
import { post } from "../support/activities";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { graphEnv, startFakeGraph, type FakeGraph } from "../support/graph-server";
import { adaptiveCardValidator, assertValid } from "../support/schemas";
import { USER } from "../support/activities";
import { incidentRig, openForm, submitInvoke, validInputs, type IncidentRig } from "./incident-support";

const SECURITY = "19:security-team@thread.tacv2";
const LIST = "AI-incidenter";

describe("incident reporting into SharePoint (fake Graph over HTTP)", () => {
  let graph: FakeGraph;
  let rig: IncidentRig;

  before(async () => {
    graph = await startFakeGraph({ seed: ["incidents"] });
    rig = await incidentRig((serviceUrl) => ({
      INCIDENT_STORE: "sharepoint",
      // the reporter waits for no retries: an outage goes straight to the outbox
      ...graphEnv(graph),
      INCIDENT_NOTIFY_CONVERSATION: SECURITY,
      INCIDENT_NOTIFY_SERVICE_URL: serviceUrl,
    }));
  });
  after(async () => {
    await rig?.stop();
    await graph?.stop();
  });
  beforeEach(() => {
    rig.connector.clear();
    graph.faults.clear();
  });

  const referenceOf = (card: unknown) => {
    const texts = visibleTexts(card);
    return texts[texts.indexOf("Referensnummer") + 1];
  };

  it("a submit lands exactly one list item, and the security channel gets the item's link", async () => {
    const { submit, conversationId } = await openForm(rig);
    const res = await post(rig.bot.url, submitInvoke(submit, validInputs(), { serviceUrl: rig.serviceUrl, conversationId }));
    assert.equal(res.status, 200);
    const card = res.body.value;
    assertValid(adaptiveCardValidator(), card, "receipt");
    assert.ok(visibleTexts(card).includes("Rapporten finns nu i incidentlistan."));
    const reference = referenceOf(card);
    assert.match(reference, REFERENCE_PATTERN);
    const items = graph.itemsWhere(LIST, "Title", reference);
    assert.equal(items.length, 1, "exactly one item");
    assert.equal(items[0].fields.Description, validInputs().description);
    assert.equal(items[0].fields.ReporterObjectId, USER.aadObjectId);
    assert.equal(items[0].fields.PersonalData, true);

    const [notice] = await rig.connector.waitFor(1);
    assert.equal(notice.conversationId, SECURITY);
    const ncard = cardOf(notice.activity);
    assertValid(adaptiveCardValidator(), ncard, "notice");
    assert.ok(visibleTexts(ncard).includes(`Ny AI-incident: ${reference}`));
    const open = actionsOf(ncard)[0];
    assert.equal(open.type, "Action.OpenUrl");
    assert.equal(open.url, items[0].webUrl);

    // the same card again: still one item
    await post(rig.bot.url, submitInvoke(submit, validInputs(), { serviceUrl: rig.serviceUrl, conversationId }));
    assert.equal(graph.itemsWhere(LIST, "Title", reference).length, 1);
  });

  it("during an outage the receipt says the report is saved and queued; the outbox files it when Graph is back, and the notice follows", async () => {
    const { submit, conversationId } = await openForm(rig);
    graph.faults.outage(60_000, 30);
    const res = await post(rig.bot.url, submitInvoke(submit, validInputs({ description: "Under avbrottet: elevlista i Copilot." }), { serviceUrl: rig.serviceUrl, conversationId }));
    assert.equal(res.status, 200);
    const card = res.body.value;
    assertValid(adaptiveCardValidator(), card, "queued receipt");
    const texts = visibleTexts(card);
    assert.ok(texts.includes("Incidentrapporten är sparad"));
    assert.ok(texts.some((x) => x.startsWith("Sparad, skickas till SharePoint när den går att nå.")), JSON.stringify(texts));
    const reference = referenceOf(card);
    assert.match(reference, REFERENCE_PATTERN);
    assert.equal(graph.itemsWhere(LIST, "Title", reference).length, 0, "not in the list yet");
    assert.deepEqual((await rig.bot.app.incidents.service.pending()).map((p) => p.reference), [reference], "waiting in the outbox");
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(rig.connector.received.length, 0, "no notice before it is filed");

    graph.faults.clear();
    const drained = await rig.bot.app.incidents.service.drainer!.drainOnce({ all: true });
    assert.equal(drained.filed, 1);
    assert.equal(drained.remaining, 0);
    const items = graph.itemsWhere(LIST, "Title", reference);
    assert.equal(items.length, 1, "filed once");
    assert.equal(items[0].fields.Description, "Under avbrottet: elevlista i Copilot.");

    const [notice] = await rig.connector.waitFor(1);
    assert.equal(notice.conversationId, SECURITY);
    const ncard = cardOf(notice.activity);
    assertValid(adaptiveCardValidator(), ncard, "later notice");
    const ntexts = visibleTexts(ncard);
    assert.ok(ntexts.includes(`Ny AI-incident: ${reference}`));
    assert.ok(ntexts.includes("Rapporten väntade på att SharePoint skulle gå att nå och är nu registrerad."));
    assert.equal(actionsOf(ncard)[0].url, items[0].webUrl);

    // the reporter's card sent again after filing: the first report, no second item
    const again = await post(rig.bot.url, submitInvoke(submit, validInputs(), { serviceUrl: rig.serviceUrl, conversationId }));
    assert.equal(referenceOf(again.body.value), reference);
    assert.equal(graph.itemsWhere(LIST, "Title", reference).length, 1);
  });
});
