// The incident form in a Teams dialog (task module), over real HTTP: "rapportera incident"
// gets a short card whose button Teams turns into task/fetch; the dialog's form comes back
// in the invoke's answer, its submit (task/submit) either keeps the dialog open with the
// errors or closes it with the reference while the receipt goes to the chat. The
// Agents Playground has no dialogs (it lists task/fetch as unsupported), so this level is
// where the dialog is tested; the Playground journey takes the chat form instead.
import * as assert from "node:assert/strict";
import { REFERENCE_PATTERN } from "../../src/incidents";
import { message, post, taskInvoke } from "../support/activities";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { adaptiveCardValidator, assertValid } from "../support/schemas";
import { OTHER_USER, dialogSubmit, errorLines, incidentRig, inputsOf, openDialog, startReport, validInputs, type IncidentRig } from "./incident-support";

describe("incident reporting in a Teams dialog (task/fetch, task/submit) over HTTP", () => {
  let rig: IncidentRig;
  let serviceUrl: string;

  before(async () => {
    rig = await incidentRig();
    serviceUrl = rig.serviceUrl;
  });
  after(async () => rig?.stop());
  beforeEach(() => rig.connector.clear());

  for (const [command, locale, title, button] of [
    ["rapportera incident", "sv-SE", "Rapportera en AI-incident", "Fyll i rapporten"],
    ["report incident", "en-US", "Report an AI incident", "Fill in the report"],
  ] as const) {
    it(`'${command}' gets a short card, no inputs in the chat, a button that opens the dialog with the whole form (and one for the chat)`, async () => {
      const { card, button: b, conversationId } = await startReport(rig, { command, locale });
      assert.equal(visibleTexts(card)[0], title);
      assert.equal(inputsOf(card).size, 0, "the form's inputs are in the dialog, not in the chat");
      assert.deepEqual(actionsOf(card).map((a: any) => a.type), ["Action.Submit", "Action.Execute"]);
      assert.equal(b.title, button);
      const { card: form, submit, task } = await openDialog(rig.bot.url, b, { serviceUrl, conversationId, locale });
      assert.equal(task.title, title);
      assert.equal(task.width, "medium");
      assert.equal(task.height, "large");
      const inputs = inputsOf(form);
      for (const id of ["description", "occurredDate", "occurredTime", "tool", "toolOther", "infoKinds", "peopleAffected", "actionsTaken", "discoveredDate", "endedDate", "dataSubjects", "likelyConsequences", "severity", "informedDate", "subjectsInformedNote"]) assert.ok(inputs.has(id), id);
      assert.equal(submit.data.verb, "incidentSubmit");
      assert.equal(typeof submit.data.token, "string");
      assert.equal(rig.connector.received.length, 0, "opening the dialog posts nothing in the chat");
    });
  }

  it("errors keep the dialog open with the form again: the error under its field, what was typed kept, nothing stored", async () => {
    const { button, conversationId } = await startReport(rig);
    const { submit } = await openDialog(rig.bot.url, button, { serviceUrl, conversationId });
    const before = (await rig.stored()).length;
    const res = await post(rig.bot.url, dialogSubmit(submit, validInputs({ description: "", actionsTaken: "Raderade chatten." }), { serviceUrl, conversationId }));
    assert.equal(res.status, 200);
    assert.equal(res.body.task.type, "continue");
    const form = res.body.task.value.card.content;
    assertValid(adaptiveCardValidator(), form, "dialog form with errors");
    assert.ok(errorLines(form).includes("Fyll i det här fältet."), JSON.stringify(errorLines(form)));
    assert.equal(inputsOf(form).get("actionsTaken")!.value, "Raderade chatten.");
    assert.equal(actionsOf(form)[0].type, "Action.Submit");
    assert.equal(actionsOf(form)[0].data.token, submit.data.token, "the same form");
    assert.equal((await rig.stored()).length, before);
    assert.equal(rig.connector.received.length, 0);
  });

  it("a valid submit closes the dialog with the reference, the receipt goes to the chat, the report is stored once", async () => {
    const { button, conversationId } = await startReport(rig);
    const { submit } = await openDialog(rig.bot.url, button, { serviceUrl, conversationId });
    const before = (await rig.stored()).length;
    const res = await post(rig.bot.url, dialogSubmit(submit, validInputs(), { serviceUrl, conversationId }));
    assert.equal(res.status, 200);
    assert.equal(res.body.task.type, "message");
    const reference = /INC-[A-Z0-9-]+/.exec(res.body.task.value)?.[0];
    assert.ok(reference && REFERENCE_PATTERN.test(reference), res.body.task.value);
    assert.match(res.body.task.value, /^Rapporten är mottagen \(INC-[A-Z0-9-]+\)\. Kvittot med de första stegen finns i chatten\.$/);
    const [receipt] = await rig.connector.waitFor(1);
    assert.equal(receipt.conversationId, conversationId);
    const card = cardOf(receipt.activity);
    assertValid(adaptiveCardValidator(), card, "receipt in the chat");
    const texts = visibleTexts(card);
    assert.ok(texts.includes("Incidentrapporten är mottagen"));
    assert.equal(texts[texts.indexOf("Referensnummer") + 1], reference);
    const all = await rig.stored();
    assert.equal(all.length, before + 1);
    assert.equal(all.find((s) => s.incident.reference === reference)?.incident.description, validInputs().description);
    // the same dialog sent twice (a double click): the same report, no second one
    const again = await post(rig.bot.url, dialogSubmit(submit, validInputs(), { serviceUrl, conversationId }));
    assert.ok(String(again.body.task.value).includes(reference!), again.body.task.value);
    assert.equal((await rig.stored()).length, before + 1);
  });

  it("another user's dialog form is refused: the dialog says so, the chat gets the card with a button for a form of their own", async () => {
    const { button, conversationId } = await startReport(rig, { conversationType: "groupChat" });
    const { submit } = await openDialog(rig.bot.url, button, { serviceUrl, conversationId, conversationType: "groupChat" });
    const before = (await rig.stored()).length;
    const res = await post(rig.bot.url, dialogSubmit(submit, validInputs(), { serviceUrl, conversationId, conversationType: "groupChat", from: OTHER_USER }));
    assert.equal(res.body.task.type, "message");
    assert.equal(res.body.task.value, "Formuläret kan inte tas emot");
    const [reply] = await rig.connector.waitFor(1);
    const card = cardOf(reply.activity);
    assert.ok(visibleTexts(card).includes("Det här formuläret öppnades av någon annan. Öppna ett eget formulär för att rapportera."));
    assert.deepEqual(actionsOf(card)[0].data.msteams, { type: "task/fetch" });
    assert.equal((await rig.stored()).length, before);
  });

  it("a task/fetch or task/submit that is not Policybot's gets 400, and the bot answers the next message", async () => {
    for (const [name, data] of [
      ["task/fetch", { verb: "somethingElse" }],
      ["task/submit", { verb: "incidentOpen" }],
      ["task/fetch", "not an object"],
      ["task/submit", null],
    ] as const) {
      const res = await post(rig.bot.url, taskInvoke(name, data, { serviceUrl }));
      assert.equal(res.status, 400, `${name} ${JSON.stringify(data)}: ${res.status}`);
    }
    const res = await post(rig.bot.url, message("hjälp", { serviceUrl }));
    assert.equal(res.status, 200);
    await rig.connector.waitFor(1);
  });
});
