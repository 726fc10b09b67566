// Incident reporting over real HTTP, local store (SQLite in a temp DATA_DIR): the
// command opens the form, a submit files it and answers with a receipt quoting the
// pack's steps, bad input re-draws the form with errors, forged submits are refused.
import * as assert from "node:assert/strict";
import { REFERENCE_PATTERN } from "../../src/incidents";
import { formatInstant } from "../../src/bot/incidents/time-zone";
import { USER, executeInvoke, message, post, submit as submitActivity } from "../support/activities";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { adaptiveCardValidator, assertValid } from "../support/schemas";
import { OTHER_USER, errorLines, incidentRig, inputsOf, openDialog, openForm, submitInvoke, validInputs, type IncidentRig } from "./incident-support";

describe("incident reporting over HTTP (local store)", () => {
  let rig: IncidentRig;
  let serviceUrl: string;

  before(async () => {
    rig = await incidentRig();
    serviceUrl = rig.serviceUrl;
  });
  after(async () => rig?.stop());
  beforeEach(() => rig.connector.clear());

  const pack = () => rig.bot.library.get("soderkoping");

  it("in the chat (a client without dialogs): the start card's button brings the form, every field, tools from the pack, Execute with a Submit fallback", async () => {
    const { card, submit } = await openForm(rig);
    const inputs = inputsOf(card);
    for (const id of ["description", "occurredDate", "occurredTime", "tool", "toolOther", "infoKinds", "peopleAffected", "actionsTaken", "discoveredDate", "discoveredTime", "endedDate", "endedTime", "dataSubjects", "likelyConsequences", "severity", "informedDate", "informedTime", "subjectsInformedNote"]) {
      assert.ok(inputs.has(id), `input ${id}`);
    }
    assert.equal(inputs.get("occurredDate")!.type, "Input.Date");
    assert.equal(inputs.get("occurredTime")!.type, "Input.Time");
    assert.equal(inputs.get("infoKinds")!.isMultiSelect, true);
    assert.deepEqual(inputs.get("infoKinds")!.choices.map((c: any) => c.value), ["personal", "sensitive", "secret", "customer", "other"]);
    const tools = inputs.get("tool")!.choices.map((c: any) => c.value);
    assert.ok(tools.includes("ChatGPT") && tools.includes("Microsoft Copilot"), JSON.stringify(tools));
    assert.ok(visibleTexts(card).includes("Tider anges i Europe/Stockholm."));
    assert.equal(submit.verb, "incidentSubmit");
    assert.equal(submit.fallback.type, "Action.Submit");
    assert.equal(submit.fallback.data.token, submit.data.token);
    assert.equal(submit.fallback.data.verb, "incidentSubmit");
  });

  it("'report incident' opens the form in English", async () => {
    const { card } = await openForm(rig, { command: "report incident", locale: "en-US" });
    assert.ok(visibleTexts(card).includes("Report an AI incident"));
  });

  it("a valid submit via Action.Execute returns the receipt: reference, the pack's steps verbatim, the IMY deadline; the report lands in the store", async () => {
    const { submit, conversationId } = await openForm(rig);
    const before = (await rig.stored()).length;
    const res = await post(rig.bot.url, submitInvoke(submit, validInputs(), { serviceUrl, conversationId }));
    assert.equal(res.status, 200);
    assert.equal(res.body.type, "application/vnd.microsoft.card.adaptive");
    const card = res.body.value;
    assertValid(adaptiveCardValidator(), card, "receipt");
    assert.equal(actionsOf(card).length, 0, "a receipt is read-only");
    assert.equal(inputsOf(card).size, 0, "no inputs left");
    const texts = visibleTexts(card);
    assert.ok(texts.includes("Incidentrapporten är mottagen"));
    const reference = texts[texts.indexOf("Referensnummer") + 1];
    assert.match(reference, REFERENCE_PATTERN);

    // the pack's immediate steps, quoted verbatim with section (and rule)
    const facts = pack().facts;
    assert.ok(facts.incidents.steps.length > 0);
    for (const step of facts.incidents.steps) {
      assert.ok(texts.includes(`”${step.quote}”`), `step quoted: ${step.quote}`);
      const source = step.rule ? `Källa: ${facts.organisation.name}, ${step.section}, regel ${step.rule}` : `Källa: ${facts.organisation.name}, ${step.section}`;
      assert.ok(texts.includes(source), source);
    }

    // stored: exactly what was written, and the 72-hour deadline shown in Stockholm time
    const all = await rig.stored();
    assert.equal(all.length, before + 1);
    const s = all.find((x) => x.incident.reference === reference)!;
    assert.ok(s, "stored under the receipt's reference");
    assert.equal(s.incident.description, validInputs().description);
    assert.equal(s.incident.occurredAt, "2026-11-20T08:30:00.000Z", "09:30 in Stockholm (CET)");
    assert.deepEqual(s.incident.infoKinds, ["personal", "customer"]);
    assert.equal(s.incident.peopleAffected, 40);
    assert.equal(s.incident.tool, "ChatGPT");
    assert.equal(s.incident.reporter.objectId, USER.aadObjectId);
    assert.equal(s.incident.reporter.name, USER.name);
    assert.equal(s.incident.policyPack, "soderkoping");
    assert.equal(s.incident.personalData, true);
    const deadline = formatInstant(s.incident.imyDeadline!, "Europe/Stockholm", "sv");
    assert.ok(texts.some((x) => x.includes(deadline) && x.includes("72 timmar")), `deadline ${deadline} in ${JSON.stringify(texts)}`);
    assert.ok(texts.some((x) => x.includes("personuppgiftsansvarig")), "says who decides");
    assert.ok(texts.includes(facts.incidents.summary.sv), "the pack's routine");

    // local notifier: the notice comes to the same conversation
    const [notice] = await rig.connector.waitFor(1);
    assert.equal(notice.conversationId, conversationId);
    const ncard = cardOf(notice.activity);
    assertValid(adaptiveCardValidator(), ncard, "notice");
    assert.ok(visibleTexts(ncard).includes(`Ny AI-incident: ${reference}`));
    assert.ok(!JSON.stringify(ncard).includes("kundlista"), "the notice carries no report text");
  });

  it("the date and time are read in the user's time zone (activity.localTimezone), and the deadline shown there", async () => {
    const { submit, conversationId } = await openForm(rig);
    const res = await post(rig.bot.url, submitInvoke(submit, validInputs({ occurredTime: "07:30", description: "Tidszonstest: kundlista i ChatGPT." }), { serviceUrl, conversationId, localTimezone: "America/New_York" }));
    const texts = visibleTexts(res.body.value);
    const reference = texts[texts.indexOf("Referensnummer") + 1];
    const s = (await rig.stored()).find((x) => x.incident.reference === reference)!;
    assert.equal(s.incident.occurredAt, "2026-11-20T12:30:00.000Z", "07:30 EST");
    assert.ok(texts.some((x) => x.includes(formatInstant(s.incident.imyDeadline!, "America/New_York", "sv"))));
  });

  it("the Action.Submit fallback files the report and replaces the form in place (updateActivity)", async () => {
    const { submit, conversationId } = await openForm(rig);
    const before = (await rig.stored()).length;
    const res = await post(rig.bot.url, submitActivity({ ...submit.fallback.data, ...validInputs({ infoKinds: "secret" }) }, { serviceUrl, conversationId, replyToId: "form-1" }));
    assert.equal(res.status, 200);
    const sent = await rig.connector.waitFor(1);
    const update = sent.find((r) => r.method === "PUT")!;
    assert.ok(update, "the card was updated");
    assert.ok(update.path.endsWith("/activities/form-1"));
    const card = cardOf(update.activity);
    assertValid(adaptiveCardValidator(), card, "receipt (submit)");
    const texts = visibleTexts(card);
    assert.match(texts[texts.indexOf("Referensnummer") + 1], REFERENCE_PATTERN);
    assert.ok(!texts.some((x) => x.includes("72 timmar")), "no IMY deadline without personal data");
    assert.equal((await rig.stored()).length, before + 1);
  });

  it("in a group chat, what was typed is not shown to everyone: the Submit fallback's re-drawn form and the receipt leave it out", async () => {
    const { submit, conversationId } = await openForm(rig, { conversationType: "groupChat" });
    const typed = "Hemlig beskrivning som bara rapportören ska se";
    await post(rig.bot.url, submitActivity({ ...submit.fallback.data, description: typed }, { serviceUrl, conversationId, conversationType: "groupChat", replyToId: "form-g" }));
    const [update] = await rig.connector.waitFor(1);
    const form = cardOf(update.activity);
    assert.ok(errorLines(form).length > 0, "the errors are shown");
    assert.ok(!JSON.stringify(form).includes(typed), "the typed text is not echoed to the group");
    rig.connector.clear();
    const res = await post(rig.bot.url, submitInvoke(submit, validInputs({ description: typed }), { serviceUrl, conversationId, conversationType: "groupChat" }));
    assert.ok(visibleTexts(res.body.value).includes("Incidentrapporten är mottagen"));
    assert.ok(!JSON.stringify(res.body.value).includes(typed), "no description on a receipt outside 1:1");
  });

  it("the same card sent twice files one report and answers with the same reference", async () => {
    const { submit, conversationId } = await openForm(rig);
    const first = await post(rig.bot.url, submitInvoke(submit, validInputs(), { serviceUrl, conversationId }));
    const count = (await rig.stored()).length;
    const again = await post(rig.bot.url, submitInvoke(submit, validInputs({ description: "Något annat" }), { serviceUrl, conversationId }));
    const ref = (c: any) => visibleTexts(c)[visibleTexts(c).indexOf("Referensnummer") + 1];
    assert.equal(ref(again.body.value), ref(first.body.value));
    assert.ok(visibleTexts(again.body.value).some((x) => x.startsWith("Formuläret var redan skickat")));
    assert.equal((await rig.stored()).length, count);
  });

  it("missing fields: the form comes back with the input kept and an error under each field", async () => {
    const { submit, conversationId } = await openForm(rig);
    const before = (await rig.stored()).length;
    const res = await post(rig.bot.url, submitInvoke(submit, { tool: "Microsoft Copilot", actionsTaken: "Inget ännu", occurredDate: "2026-11-20" }, { serviceUrl, conversationId }));
    assert.equal(res.status, 200);
    const card = res.body.value;
    assertValid(adaptiveCardValidator(), card, "form with errors");
    const errors = errorLines(card);
    assert.ok(errors.includes("Något behöver rättas: se de röda raderna nedan."));
    assert.ok(errors.includes("Fyll i det här fältet."), "description / kinds required");
    assert.ok(errors.includes("Ange datum och klockslag för när det hände."));
    const inputs = inputsOf(card);
    assert.equal(inputs.get("tool")!.value, "Microsoft Copilot", "kept");
    assert.equal(inputs.get("actionsTaken")!.value, "Inget ännu", "kept");
    assert.equal(inputs.get("occurredDate")!.value, "2026-11-20", "kept");
    const again = actionsOf(card)[0];
    assert.equal(again.data.token, submit.data.token, "same form, same report id");
    assert.equal((await rig.stored()).length, before, "nothing stored");

    // corrected, the same form files
    const fixed = await post(rig.bot.url, submitInvoke(again, validInputs({ tool: "Microsoft Copilot" }), { serviceUrl, conversationId }));
    assert.ok(visibleTexts(fixed.body.value).includes("Incidentrapporten är mottagen"));
    assert.equal((await rig.stored()).length, before + 1);
  });

  it("order and future errors are explained per field, in English for an English user", async () => {
    const { submit, conversationId } = await openForm(rig, { command: "report incident", locale: "en-US" });
    const res = await post(
      rig.bot.url,
      submitInvoke(submit, validInputs({ discoveredDate: "2026-11-19", discoveredTime: "08:00", endedDate: "2099-01-01", endedTime: "10:00" }), { serviceUrl, conversationId, locale: "en-US" }),
    );
    const errors = errorLines(res.body.value);
    assert.ok(errors.includes("That time is in the future. Please check the date and time."), JSON.stringify(errors));
    const res2 = await post(rig.bot.url, submitInvoke(submit, validInputs({ discoveredDate: "2026-11-19", discoveredTime: "08:00" }), { serviceUrl, conversationId, locale: "en-US" }));
    assert.ok(errorLines(res2.body.value).includes("It cannot have been discovered before it happened."));
  });

  it("a description over the limit gets a too-long error (kept up to the limit); an impossible date is invalid", async () => {
    const { submit, conversationId } = await openForm(rig);
    const before = (await rig.stored()).length;
    const res = await post(rig.bot.url, submitInvoke(submit, validInputs({ description: "x".repeat(20_000), occurredDate: "2026-02-30" }), { serviceUrl, conversationId }));
    const card = res.body.value;
    assertValid(adaptiveCardValidator(), card, "form with errors");
    const errors = errorLines(card);
    assert.ok(errors.some((e) => /^För lång text: högst 10\s000 tecken\.$/.test(e)), JSON.stringify(errors));
    assert.ok(errors.includes("Ange ett riktigt datum och klockslag."), JSON.stringify(errors));
    assert.equal(inputsOf(card).get("description")!.value.length, 10_000);
    assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28_000, "the re-drawn card stays under Teams' card size limit");
    assert.equal((await rig.stored()).length, before);
  });

  it("a 1 MB description is refused at the HTTP edge (413) and nothing is stored", async () => {
    const { submit, conversationId } = await openForm(rig);
    const before = (await rig.stored()).length;
    const res = await post(rig.bot.url, submitInvoke(submit, validInputs({ description: "A".repeat(1024 * 1024) }), { serviceUrl, conversationId }));
    assert.equal(res.status, 413);
    assert.equal((await rig.stored()).length, before);
  });

  it("control characters are removed; a description of nothing else is missing", async () => {
    const { submit, conversationId } = await openForm(rig);
    const empty = await post(rig.bot.url, submitInvoke(submit, validInputs({ description: "\u0000\u0007\u001b\u202e\u0085" }), { serviceUrl, conversationId }));
    assert.ok(errorLines(empty.body.value).includes("Fyll i det här fältet."));
    const res = await post(rig.bot.url, submitInvoke(submit, validInputs({ description: "Kund\u0000lista\u0007 <b>i</b> ChatGPT\u202e $filter=Title eq 'x'", tool: "Chat\u0000GPT" }), { serviceUrl, conversationId }));
    const texts = visibleTexts(res.body.value);
    const s = (await rig.stored()).find((x) => x.incident.reference === texts[texts.indexOf("Referensnummer") + 1])!;
    assert.equal(s.incident.description, "Kundlista <b>i</b> ChatGPT $filter=Title eq 'x'", "HTML and OData kept as plain text, controls gone");
    assert.equal(s.incident.tool, "ChatGPT");
  });

  it("another user's card is refused (not yours), and nothing is stored", async () => {
    const { submit, conversationId } = await openForm(rig, { conversationType: "groupChat" });
    const before = (await rig.stored()).length;
    const res = await post(rig.bot.url, submitInvoke(submit, validInputs(), { serviceUrl, conversationId, conversationType: "groupChat", from: OTHER_USER }));
    assert.equal(res.status, 200);
    const card = res.body.value;
    assertValid(adaptiveCardValidator(), card, "refused");
    const texts = visibleTexts(card);
    assert.ok(texts.includes("Formuläret kan inte tas emot"));
    assert.ok(texts.includes("Det här formuläret öppnades av någon annan. Öppna ett eget formulär för att rapportera."));
    assert.equal(actionsOf(card)[0].data.verb, "incidentOpen", "offers a form of their own");
    assert.deepEqual(actionsOf(card)[0].data.msteams, { type: "task/fetch" }, "in a dialog");
    assert.equal((await rig.stored()).length, before);
  });

  it("a tampered token is refused as changed; the same holds for the Submit fallback", async () => {
    const { submit, conversationId } = await openForm(rig);
    const before = (await rig.stored()).length;
    const [payload, mac] = String(submit.data.token).split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const forged = `${Buffer.from(JSON.stringify({ ...claims, rid: "11111111-1111-4111-8111-111111111111" })).toString("base64url")}.${mac}`;
    const res = await post(rig.bot.url, submitInvoke({ ...submit, data: { ...submit.data, token: forged } }, validInputs(), { serviceUrl, conversationId }));
    assert.ok(visibleTexts(res.body.value).includes("Formulärets innehåll har ändrats, så rapporten kan inte tas emot. Öppna ett nytt formulär."));
    await post(rig.bot.url, submitActivity({ ...submit.fallback.data, token: "not-a-token", ...validInputs() }, { serviceUrl, conversationId }));
    const [reply] = await rig.connector.waitFor(1);
    assert.ok(visibleTexts(cardOf(reply.activity)).includes("Formuläret kan inte tas emot"));
    assert.equal((await rig.stored()).length, before);
  });

  it("'jag råkade klistra in personnummer i ChatGPT' is answered, then offered the form; the button opens it in a dialog", async () => {
    const conversationId = "a:offer-1";
    await post(rig.bot.url, message("jag råkade klistra in personnummer i ChatGPT", { serviceUrl, conversationId }));
    const sent = await rig.connector.waitFor(2);
    const answer = cardOf(sent[0].activity);
    assert.ok(visibleTexts(answer).some((x) => x.startsWith("Källa:") || x === "Policyn tar inte upp det här"), "the policy question is answered first");
    const offer = cardOf(sent[sent.length - 1].activity);
    assertValid(adaptiveCardValidator(), offer, "offer");
    assert.ok(visibleTexts(offer).includes("Låter det som en incident?"));
    const button = actionsOf(offer)[0];
    assert.equal(button.title, "Rapportera incident");
    const { card } = await openDialog(rig.bot.url, button, { serviceUrl, conversationId });
    assert.ok(visibleTexts(card).includes("Rapportera en AI-incident"));
    // a card posted before this version (Action.Execute) still opens the form, in the chat
    const res = await post(rig.bot.url, executeInvoke("incidentOpen", { lang: "sv" }, { serviceUrl, conversationId }));
    assert.equal(res.body.type, "application/vnd.microsoft.card.adaptive");
    assertValid(adaptiveCardValidator(), res.body.value, "form from an older offer");
    assert.equal(actionsOf(res.body.value)[0].type, "Action.Execute");
  });

  it("a plain policy question gets no offer", async () => {
    await post(rig.bot.url, message("Får jag klistra in personnummer i ChatGPT?", { serviceUrl }));
    await rig.connector.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    for (const r of rig.connector.received) assert.ok(!visibleTexts(cardOf(r.activity)).includes("Låter det som en incident?"));
  });

  it("the log carries reference, outcome and timings, never the report's text or the reporter's name", async () => {
    const { submit, conversationId } = await openForm(rig);
    const secret = "Zebrafink-kundregister med 19121212-1212";
    const res = await post(rig.bot.url, submitInvoke(submit, validInputs({ description: secret, actionsTaken: "Flamingoåtgärd", dataSubjects: "Pelikangruppen", toolOther: "Struts-AI" }), { serviceUrl, conversationId }));
    const texts = visibleTexts(res.body.value);
    const reference = texts[texts.indexOf("Referensnummer") + 1];
    await rig.connector.waitFor(1); // the notice
    const entry = rig.bot.logs.entries().find((e) => e.event === "incidentSubmit" && e.reference === reference);
    assert.ok(entry, "the submit is logged with its reference");
    assert.equal(entry.outcome, "filed");
    assert.equal(typeof entry.ms, "number");
    const log = rig.bot.logs.text();
    for (const needle of ["Zebrafink", "19121212", "Flamingo", "Pelikan", "Struts", "kundlista", USER.name, OTHER_USER.name]) assert.ok(!log.includes(needle), `log contains "${needle}"`);
  });
});
