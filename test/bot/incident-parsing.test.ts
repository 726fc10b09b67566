// The pure parts of incident reporting in the bot: the command and the "I pasted
// something" pattern, time zones, card inputs -> service fields, submit parsing.
import * as assert from "node:assert/strict";
import { incidentCommand, soundsLikeIncident } from "../../src/bot/incidents/detect";
import { DEFAULT_TIME_ZONE, userTimeZone, wallClockToIso } from "../../src/bot/incidents/time-zone";
import { OTHER_TOOL, toServiceFields } from "../../src/bot/incidents/form-fields";
import { parseIncidentOpenInvoke, parseIncidentSubmitInvoke, parseIncidentSubmitMessage } from "../../src/bot/incidents/submits";
import { parseCommand } from "../../src/bot/commands";
import { parseIncidentForm } from "../../src/incidents";

describe("incident command and offer pattern", () => {
  it("recognises the command in Swedish and English, and nothing longer", () => {
    for (const s of ["rapportera incident", "Rapportera en incident", "/rapportera incident", "rapportera AI-incident", "anmäl personuppgiftsincident", "Rapportera incident!"]) assert.equal(incidentCommand(s), "sv", s);
    for (const s of ["report incident", "Report an incident", "report an AI incident", "report a breach".replace("a ", "")]) assert.equal(incidentCommand(s), "en", s);
    for (const s of ["rapportera incident nu direkt", "hur rapporterar jag en incident?", "incident", "report"]) assert.equal(incidentCommand(s), undefined, s);
    assert.deepEqual(parseCommand("rapportera incident"), { kind: "reportIncident", lang: "sv" });
    assert.deepEqual(parseCommand("report incident"), { kind: "reportIncident", lang: "en" });
  });

  const incidents = [
    "jag råkade klistra in personnummer i ChatGPT",
    "Jag har klistrat in en kundlista i Copilot, vad gör jag nu?",
    "Kollegan matade in patientuppgifter i ChatGPT igår",
    "Jag skrev in lösenordet i chatgpt av misstag",
    "Jag råkade ladda upp en fil med elevuppgifter till AI-tjänsten",
    "Personuppgifter har matats in i Copilot av misstag",
    "jag delade hemliga dokument med ChatGPT",
    "Vad gör jag om jag har klistrat in känsliga uppgifter i Gemini?",
    "I accidentally pasted a customer list into ChatGPT",
    "I entered personal data in Copilot, what should I do?",
    "I uploaded a confidential file to Gemini",
    "oops I pasted my colleague's social security number into ChatGPT",
    "I shared our API keys with Claude by mistake",
  ];
  const questions = [
    "Får jag klistra in personnummer i ChatGPT?",
    "May I paste personal data into ChatGPT?",
    "Får jag använda Copilot med personuppgifter?",
    "Hur märker jag en AI-bild?",
    "Vem godkänner min användning av ett AI-verktyg?",
    "Can I enter customer names in Copilot?",
    "Jag skrev ett mejl igår",
    "I sent the report to my manager",
    "Vad gäller för känslig information i Copilot?",
    "Får jag dela skärmen i Teams?",
    "Hur ska jag rapportera om någon har matat in personuppgifter?".replace("har matat in", "matar in"),
  ];
  for (const s of incidents) it(`offers a report for "${s}"`, () => assert.equal(soundsLikeIncident(s), true));
  for (const s of questions) it(`does not offer for "${s}"`, () => assert.equal(soundsLikeIncident(s), false));
});

describe("incident time zones", () => {
  it("reads the zone from localTimezone, then clientInfo, else Stockholm; ignores unknown zones", () => {
    assert.equal(userTimeZone({ localTimezone: "America/New_York" }), "America/New_York");
    assert.equal(userTimeZone({ entities: [{ type: "clientInfo", timezone: "Asia/Kolkata" }] }), "Asia/Kolkata");
    assert.equal(userTimeZone({ localTimezone: "Mars/Olympus", entities: [{ type: "clientInfo", timezone: "Europe/Helsinki" }] }), "Europe/Helsinki");
    assert.equal(userTimeZone({}), DEFAULT_TIME_ZONE);
    assert.equal(userTimeZone({ localTimezone: "x".repeat(100) }), DEFAULT_TIME_ZONE);
  });

  it("keeps the wall clock and gives the offset the zone had then (winter, summer, half hours)", () => {
    assert.equal(wallClockToIso("2026-01-15", "07:30", "Europe/Stockholm"), "2026-01-15T07:30+01:00");
    assert.equal(wallClockToIso("2026-07-15", "07:30", "Europe/Stockholm"), "2026-07-15T07:30+02:00");
    assert.equal(wallClockToIso("2026-01-15", "07:30", "America/New_York"), "2026-01-15T07:30-05:00");
    assert.equal(wallClockToIso("2026-01-15", "07:30", "Asia/Kolkata"), "2026-01-15T07:30+05:30");
    assert.equal(wallClockToIso("2026-01-15", "07:30:00", "UTC"), "2026-01-15T07:30+00:00");
    assert.equal(wallClockToIso("15/01/2026", "07:30", "UTC"), undefined);
    assert.equal(wallClockToIso("2026-01-15", "7.30", "UTC"), undefined);
  });
});

describe("incident form inputs -> service fields", () => {
  const now = Date.parse("2026-11-22T12:00:00Z");

  it("a complete form becomes fields the service accepts", () => {
    const f = toServiceFields(
      { description: "d", occurredDate: "2026-11-20", occurredTime: "09:30", tool: "ChatGPT", infoKinds: "personal", peopleAffected: "3", informedDate: "2026-11-25" },
      "Europe/Stockholm",
    );
    const r = parseIncidentForm(f, now);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.occurredAt, "2026-11-20T08:30:00.000Z");
    assert.equal(r.value.subjectsInformedAt, "2026-11-24T23:00:00.000Z", "a date without a time is that day's midnight");
    assert.equal(r.value.tool, "ChatGPT");
  });

  it("the typed tool wins over the list; 'another tool' without text is missing", () => {
    assert.equal(toServiceFields({ tool: "ChatGPT", toolOther: "ChatGPT i mobilen" }, "UTC").tool, "ChatGPT i mobilen");
    assert.equal(toServiceFields({ tool: OTHER_TOOL, toolOther: "" }, "UTC").tool, "");
    assert.equal(toServiceFields({ tool: OTHER_TOOL, toolOther: "Egen bot" }, "UTC").tool, "Egen bot");
  });

  it("when it happened needs date and time; a time without a date is invalid", () => {
    const onlyDate = parseIncidentForm({ ...toServiceFields({ occurredDate: "2026-11-20" }, "UTC"), tool: "x", infoKinds: "other", description: "d" }, now);
    assert.ok(!onlyDate.ok && onlyDate.issues.some((i) => i.field === "occurredAt" && i.code === "required"));
    const onlyTime = parseIncidentForm({ ...toServiceFields({ occurredDate: "2026-11-20", occurredTime: "09:00", endedTime: "10:00" }, "UTC"), tool: "x", infoKinds: "other", description: "d" }, now);
    assert.ok(!onlyTime.ok && onlyTime.issues.some((i) => i.field === "endedAt" && i.code === "invalid"));
  });
});

describe("incident submit parsing (the edge)", () => {
  it("takes the Execute invoke and the Submit message; ignores other verbs; keeps only known text inputs", () => {
    const data = { token: "a.b", lang: "en", description: "d", peopleAffected: 4, infoKinds: ["x"], bogus: "y" };
    const inv = parseIncidentSubmitInvoke({ action: { type: "Action.Execute", verb: "incidentSubmit", data } });
    assert.deepEqual(inv, { token: "a.b", lang: "en", inputs: { description: "d", peopleAffected: "4" } });
    assert.deepEqual(parseIncidentSubmitMessage({ verb: "incidentSubmit", ...data }), inv);
    assert.equal(parseIncidentSubmitInvoke({ action: { type: "Action.Execute", verb: "feedback", data } }), undefined);
    assert.equal(parseIncidentSubmitMessage({ verb: "feedback", answerId: "x" }), undefined);
    assert.equal(parseIncidentOpenInvoke({ action: { type: "Action.Execute", verb: "incidentOpen", data: {} } }), true);
    assert.equal(parseIncidentOpenInvoke({ action: { type: "Action.Submit", verb: "incidentOpen" } }), false);
  });
});
