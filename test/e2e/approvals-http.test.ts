// AI tool requests end to end over real HTTP, for each pack's approver rule: the form,
// the submit, the approval card delivered to the approver's 1:1 chat (Universal Actions,
// refresh.userIds, Action.Submit fallback), the decision, both cards updated in place
// (PUT), and the record in the local approval store. Then what must be refused.
import * as assert from "node:assert/strict";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { Connector, PEOPLE, Teams, fields, personalConv, startApp, tempDir, valid, type Bot, type Member } from "./approvals-support";
import * as fs from "node:fs";
import { Command } from "commander";
import { registerApprovalsCommand } from "../../src/cli/approvals-command";
import { loadConfig } from "../../src/config";

function fact(card: Record<string, any>, title: string): string | undefined {
  const texts = visibleTexts(card);
  const i = texts.indexOf(title);
  return i >= 0 ? texts[i + 1] : undefined;
}

describe("approvals over HTTP (local stores, sample directory)", function () {
  this.timeout(30_000);
  const connector = new Connector();
  let serviceUrl: string;
  let bot: Bot;
  let teams: Teams;
  let dataDir: string;
  const greeted = new Set<string>();

  before(async () => {
    serviceUrl = await connector.start();
    dataDir = tempDir();
    bot = await startApp({ DATA_DIR: dataDir });
    teams = new Teams(bot, connector, serviceUrl);
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function greet(who: Member) {
    if (greeted.has(who.id)) return;
    await teams.hello(who);
    greeted.add(who.id);
  }

  /** request -> approval card at the approver -> approve -> both cards updated -> record */
  async function requestAndDecide(pack: string, over: Record<string, string>, approver: Member, role: string) {
    await greet(approver);
    const { action, formId, conversationId } = await teams.openForm(PEOPLE.requester, pack);
    assert.equal(action.type, "Action.Execute");
    assert.equal(action.fallback.type, "Action.Submit");
    const res = await teams.invoke(PEOPLE.requester, action.verb, { ...action.data, ...fields(over) }, conversationId, formId);
    const sentCard = valid(res.value, "requester card");
    assert.ok(visibleTexts(sentCard).includes("Ansökan är skickad"), JSON.stringify(visibleTexts(sentCard)));
    assert.equal(fact(sentCard, "Beslutar"), `${approver.name} (${role})`);
    const reference = fact(sentCard, "Referens")!;
    assert.match(reference, /^APR-/);

    // the approval card, proactively in the approver's 1:1 chat
    await connector.waitFor((l) => l.some((r) => r.kind === "send" && r.conversationId === personalConv(approver)));
    const posted = connector.sends(personalConv(approver))[0];
    const card = valid(cardOf(posted.body), "approval card");
    assert.deepEqual(card.refresh.userIds, [approver.id], "refresh for the approver only");
    assert.equal(card.refresh.action.verb, "approvalRefresh");
    const [approve, reject] = actionsOf(card);
    assert.deepEqual([approve.title, reject.title], ["Godkänn", "Avslå"]);
    for (const b of [approve, reject]) {
      assert.equal(b.type, "Action.Execute");
      assert.equal(b.fallback.type, "Action.Submit");
      assert.equal(b.fallback.data.token, b.data.token);
    }
    assert.ok(visibleTexts(card).some((t) => t.includes(PEOPLE.requester.name)));
    connector.clear();

    // the approver approves (Action.Execute on that card)
    const decided = await teams.invoke(approver, approve.verb, { ...approve.data, comment: "Ok, följ policyn." }, personalConv(approver), posted.activityId);
    const outcome = valid(decided.value, "outcome for the approver");
    assert.ok(visibleTexts(outcome).includes("Beslut: Godkänd"));
    assert.equal(actionsOf(outcome).length, 0);

    // both stored cards show the outcome, who decided and when
    await connector.waitFor((l) => l.filter((r) => r.kind === "update").length >= 2);
    const toRequester = connector.updates(conversationId).find((u) => u.activityId === formId)!;
    const toApprover = connector.updates(personalConv(approver)).find((u) => u.activityId === posted.activityId)!;
    assert.ok(toRequester && toApprover, JSON.stringify(connector.log.map((r) => [r.kind, r.conversationId, r.activityId])));
    for (const [u, what] of [[toRequester, "requester"], [toApprover, "approver"]] as const) {
      const c = valid(cardOf(u.body), `${what} card after the decision`);
      assert.ok(visibleTexts(c).includes("Beslut: Godkänd"), `${what}: ${JSON.stringify(visibleTexts(c))}`);
      assert.equal(fact(c, "Beslutat av"), `${approver.name} (${role})`);
      assert.ok(fact(c, "Beslutat"), "when");
      assert.equal(c.refresh, undefined, "no refresh after the decision");
      assert.equal(actionsOf(c).length, 0);
    }

    // on record
    const stack = await bot.app.approvals;
    const stored = await stack.store.get(reference);
    assert.ok(stored, "recorded");
    assert.equal(stored.request.status, "approved");
    assert.equal(stored.request.decision?.by.objectId, approver.aadObjectId);
    assert.equal(stored.request.decision?.comment, "Ok, följ policyn.");
    assert.equal(stored.request.requester.objectId, PEOPLE.requester.aadObjectId);
    connector.clear();
    return { reference, stored };
  }

  it("wenell: the nearest manager approves using an AI tool", async () => {
    const { stored } = await requestAndDecide("wenell", {}, PEOPLE.megan, "Närmaste chef");
    assert.equal(stored.request.rule.role, "nearest-manager");
  });

  it("wenell: the CEO approves a tool that must be bought", async () => {
    const { stored } = await requestAndDecide("wenell", { purchase: "true" }, PEOPLE.isaiah, "VD");
    assert.equal(stored.request.rule.basis, "purchase");
  });

  it("dalsland: the responsible manager approves personal data in a secure system", async () => {
    const { stored } = await requestAndDecide("dalsland", { tool: "secure", infoKinds: "personal" }, PEOPLE.megan, "Ansvarig chef");
    assert.equal(stored.request.rule.role, "responsible-manager");
  });

  it("staffanstorp: the head of operations decides on personal data in a procured system", async () => {
    const { stored } = await requestAndDecide("staffanstorp", { tool: "secure", infoKinds: "personal" }, PEOPLE.adele, "Verksamhetschef");
    assert.equal(stored.request.rule.role, "head-of-operations");
  });

  it("hjo: the responsible manager gives special permission for personal data", async () => {
    const { stored } = await requestAndDecide("hjo", { tool: "secure", infoKinds: "personal" }, PEOPLE.megan, "Ansvarig chef");
    assert.equal(stored.request.rule.basis, "personalData");
  });

  it("soderkoping: no manager decides (another process): said when the form is asked for, with the pack's quotes, no form, nothing sent", async () => {
    const conversationId = personalConv(PEOPLE.requester);
    await teams.say(PEOPLE.requester, "policy soderkoping", conversationId);
    await connector.waitFor((l) => l.some((r) => r.kind === "send" && r.conversationId === conversationId));
    connector.clear();
    await teams.say(PEOPLE.requester, "ansök om AI-verktyg", conversationId);
    await connector.waitFor((l) => l.some((r) => r.kind === "send" && r.conversationId === conversationId));
    const card = valid(cardOf(connector.sends(conversationId)[0].body), "not required");
    const texts = visibleTexts(card);
    assert.ok(texts.includes("Beslutet fattas i en annan process"), JSON.stringify(texts));
    const facts = bot.app.library.get("soderkoping").facts.approvals.aiUse;
    assert.ok(texts.includes(`”${facts.citations[0].quote}”`), "quoted verbatim");
    assert.ok(!JSON.stringify(card).includes("Input."), "no form to fill in");
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(connector.log.filter((r) => r.conversationId !== conversationId).length, 0, "nothing sent to anyone else");
  });

  it("the form says who decides before anything is filled in", async () => {
    const { card } = await teams.openForm(PEOPLE.requester, "wenell");
    const texts = visibleTexts(card);
    assert.ok(texts.some((t) => t.startsWith("Vem beslutar: närmaste chef")), JSON.stringify(texts));
  });

  it("personal data in a public tool is never approvable: the rule is quoted, nothing is stored or sent", async () => {
    const { action, formId, conversationId } = await teams.openForm(PEOPLE.requester, "wenell");
    const before = (await (await bot.app.approvals).store.list({ limit: 1000 })).length;
    const res = await teams.invoke(PEOPLE.requester, action.verb, { ...action.data, ...fields({ infoKinds: "personal" }) }, conversationId, formId);
    const texts = visibleTexts(valid(res.value, "not approvable"));
    assert.ok(texts.includes("Ansökan kan inte godkännas"));
    const quote = bot.app.library.get("wenell").facts.dataRules.personalData[0].quote;
    assert.ok(texts.includes(`”${quote}”`), JSON.stringify(texts));
    assert.equal((await (await bot.app.approvals).store.list({ limit: 1000 })).length, before);
    assert.equal(connector.log.length, 0);
  });

  it("hjo: secret information is never approvable, in any tool (approvals.never)", async () => {
    const { action, formId, conversationId } = await teams.openForm(PEOPLE.requester, "hjo");
    const res = await teams.invoke(PEOPLE.requester, action.verb, { ...action.data, ...fields({ tool: "secure", infoKinds: "secret" }) }, conversationId, formId);
    const texts = visibleTexts(valid(res.value, "never"));
    assert.ok(texts.includes("Ansökan kan inte godkännas"));
    assert.ok(texts.includes("”Hantering av sekretessbelagd information med hjälp av AI är förbjudet.”"), JSON.stringify(texts));
  });

  it("'request AI tool' opens the form in English; a bad submit re-draws it with errors and keeps the token", async () => {
    const { card, action, formId, conversationId } = await teams.openForm(PEOPLE.requester, "wenell", { command: "request AI tool", locale: "en-US" });
    assert.ok(visibleTexts(card).includes("Request an AI tool"));
    const ids = new Set<string>();
    const walk = (n: any) => (Array.isArray(n) ? n.forEach(walk) : n && typeof n === "object" && (n.id && ids.add(n.id), ["body", "items"].forEach((k) => n[k] && walk(n[k]))));
    walk(card);
    for (const id of ["tool", "toolName", "purpose", "infoKinds", "purchase", "validFrom", "validUntil"]) assert.ok(ids.has(id), id);
    const res = await teams.invoke(PEOPLE.requester, action.verb, { ...action.data, ...fields({ tool: "other", purpose: "" }) }, conversationId, formId);
    const again = valid(res.value, "form with errors");
    const texts = visibleTexts(again);
    assert.ok(texts.includes("The request was not sent. Correct what is marked:"), JSON.stringify(texts));
    assert.ok(texts.some((t) => t.startsWith("Name of the tool")), "the free field is required for another tool");
    assert.equal(actionsOf(again)[0].data.token, action.data.token);
  });

  it("the Action.Submit fallback: the form is replaced in place, and the approver's Submit decides too", async () => {
    await greet(PEOPLE.megan);
    const { action, formId, conversationId } = await teams.openForm(PEOPLE.requester, "wenell");
    await teams.submitMessage(PEOPLE.requester, { ...action.fallback.data, ...fields() }, conversationId, formId);
    await connector.waitFor((l) => l.some((r) => r.kind === "update" && r.activityId === formId) && l.some((r) => r.conversationId === personalConv(PEOPLE.megan)));
    const replaced = valid(cardOf(connector.updates(conversationId)[0].body), "requester card (submit)");
    assert.ok(visibleTexts(replaced).includes("Ansökan är skickad"));
    const posted = connector.sends(personalConv(PEOPLE.megan))[0];
    const reject = actionsOf(cardOf(posted.body))[1];
    connector.clear();
    // a rejection needs a comment: the card comes back with the message, nothing decided
    await teams.submitMessage(PEOPLE.megan, { ...reject.fallback.data, comment: "" }, personalConv(PEOPLE.megan), posted.activityId);
    await connector.waitFor((l) => l.some((r) => r.kind === "update"));
    const back = valid(cardOf(connector.updates(personalConv(PEOPLE.megan))[0].body), "reject without comment");
    assert.ok(visibleTexts(back).includes("Skriv en kommentar som förklarar avslaget."));
    assert.equal(actionsOf(back).length, 2, "still decidable");
    connector.clear();
    await teams.submitMessage(PEOPLE.megan, { ...reject.fallback.data, comment: "Använd Copilot i stället." }, personalConv(PEOPLE.megan), posted.activityId);
    await connector.waitFor((l) => l.filter((r) => r.kind === "update").length >= 2);
    const mine = valid(cardOf(connector.updates(personalConv(PEOPLE.megan))[0].body), "approver after reject");
    const theirs = valid(cardOf(connector.updates(conversationId)[0].body), "requester after reject");
    for (const c of [mine, theirs]) {
      assert.ok(visibleTexts(c).includes("Beslut: Avslagen"));
      assert.equal(fact(c, "Kommentar"), "Använd Copilot i stället.");
    }
  });

  describe("refused, with a clear card", () => {
    let approvalCard: Record<string, any>;
    let postedId: string;
    let requestConv: string;

    before(async () => {
      await greet(PEOPLE.megan);
      const { action, formId, conversationId } = await teams.openForm(PEOPLE.requester, "wenell");
      requestConv = conversationId;
      await teams.invoke(PEOPLE.requester, action.verb, { ...action.data, ...fields() }, conversationId, formId);
      await connector.waitFor((l) => l.some((r) => r.conversationId === personalConv(PEOPLE.megan)));
      const posted = connector.sends(personalConv(PEOPLE.megan))[0];
      approvalCard = cardOf(posted.body);
      postedId = posted.activityId!;
      connector.clear();
    });

    const approve = () => actionsOf(approvalCard)[0];

    it("a refresh by someone else gets the read-only view; the approver's refresh gets the buttons", async () => {
      const other = await teams.invoke(PEOPLE.alex, "approvalRefresh", approvalCard.refresh.action.data, "19:shared@thread.v2", postedId, "groupChat");
      const ro = valid(other.value, "read-only view");
      assert.equal(actionsOf(ro).length, 0);
      assert.ok(visibleTexts(ro).includes("Väntar på beslut av Megan Bowen."));
      assert.ok(!visibleTexts(ro).includes(fields().purpose), "the purpose is for the approver");
      assert.deepEqual(ro.refresh.userIds, [PEOPLE.megan.id]);
      const mine = await teams.invoke(PEOPLE.megan, "approvalRefresh", approvalCard.refresh.action.data, personalConv(PEOPLE.megan), postedId);
      assert.deepEqual(actionsOf(valid(mine.value, "approver view")).map((x: any) => x.title), ["Godkänn", "Avslå"]);
    });

    it("a decision from anyone but the designated approver is refused and changes nothing", async () => {
      const res = await teams.invoke(PEOPLE.alex, approve().verb, { ...approve().data, comment: "" }, personalConv(PEOPLE.alex), postedId);
      const texts = visibleTexts(valid(res.value, "not approver"));
      assert.ok(texts.includes("Bara den utsedda beslutsfattaren kan besluta om den här ansökan. Ditt svar registrerades inte."), JSON.stringify(texts));
      assert.equal(connector.updates().length, 0, "no card updated");
      const id = approve().data.requestId;
      assert.equal((await (await bot.app.approvals).service.get(id))!.request.status, "pending");
    });

    it("tampered card data: another request's id, an altered token, an altered verdict", async () => {
      const d = approve().data;
      const forged = "Kortet har ändrats eller är inte giltigt. Inget beslut registrerades.";
      const otherId = "11111111-2222-4333-8444-555555555555";
      for (const data of [{ ...d, requestId: otherId }, { ...d, token: d.token.slice(0, -2) + "xx" }, { ...d, token: undefined }]) {
        const res = await teams.invoke(PEOPLE.megan, approve().verb, data, personalConv(PEOPLE.megan), postedId);
        assert.ok(visibleTexts(valid(res.value, "forged")).includes(forged), JSON.stringify(visibleTexts(res.value)));
      }
      const res = await teams.invoke(PEOPLE.megan, approve().verb, { ...d, decision: "approve-all" }, personalConv(PEOPLE.megan), postedId);
      assert.equal(actionsOf(valid(res.value, "bad verdict")).length, 2, JSON.stringify(visibleTexts(res.value)));
      assert.equal((await (await bot.app.approvals).service.get(d.requestId))!.request.status, "pending");
    });

    it("a replay after the decision is refused as already decided", async () => {
      const first = await teams.invoke(PEOPLE.megan, approve().verb, { ...approve().data, comment: "" }, personalConv(PEOPLE.megan), postedId);
      assert.ok(visibleTexts(first.value).includes("Beslut: Godkänd"));
      await connector.waitFor((l) => l.filter((r) => r.kind === "update").length >= 2);
      assert.ok(connector.updates(requestConv).length >= 1);
      connector.clear();
      const replay = await teams.invoke(PEOPLE.megan, approve().verb, { ...approve().data, decision: "reject", comment: "Ångrar mig" }, personalConv(PEOPLE.megan), postedId);
      const texts = visibleTexts(valid(replay.value, "replay"));
      assert.ok(texts.includes("Ansökan är redan beslutad. Inget nytt beslut registrerades."), JSON.stringify(texts));
      assert.ok(texts.includes("Beslut: Godkänd"), "shows the decision that stands");
      assert.equal(connector.updates().length, 0);
    });
  });

  it("no manager in the directory: a clear message, pending for the admin, who gets the approval card", async () => {
    await greet(PEOPLE.patti);
    const { action, formId, conversationId } = await teams.openForm(PEOPLE.lynne, "wenell");
    const res = await teams.invoke(PEOPLE.lynne, action.verb, { ...action.data, ...fields() }, conversationId, formId);
    const texts = visibleTexts(valid(res.value, "no approver"));
    assert.ok(texts.includes("Ansökan väntar hos en administratör"));
    assert.ok(texts.some((t) => t.startsWith("Ingen chef hittades för dig i katalogen.")), JSON.stringify(texts));
    assert.ok(texts.includes("Administratör: Patti Fernandez."));
    await connector.waitFor((l) => l.some((r) => r.conversationId === personalConv(PEOPLE.patti)));
    const card = valid(cardOf(connector.sends(personalConv(PEOPLE.patti))[0].body), "admin's approval card");
    assert.deepEqual(actionsOf(card).map((x: any) => x.title), ["Godkänn", "Avslå"]);
    const reference = fact(res.value, "Referens")!;
    const stored = await (await bot.app.approvals).store.get(reference);
    assert.equal(stored?.request.status, "pending");
    assert.equal(stored?.request.routingCode, "no_manager");
  });

  it("the approver has no Teams chat with the bot (no Graph installation here): pending for the admin, who is told", async () => {
    await greet(PEOPLE.patti);
    connector.clear();
    // Alex's manager is Megan; make a requester whose manager never wrote: Adele's manager Isaiah, in a fresh bot
    const fresh = await startApp({ DATA_DIR: tempDir() });
    try {
      const t2 = new Teams(fresh, connector, serviceUrl);
      await t2.hello(PEOPLE.patti);
      const { action, formId, conversationId } = await t2.openForm(PEOPLE.requester, "wenell");
      const res = await t2.invoke(PEOPLE.requester, action.verb, { ...action.data, ...fields() }, conversationId, formId);
      const texts = visibleTexts(valid(res.value, "unreachable"));
      assert.ok(texts.includes("Ansökan väntar hos en administratör"), JSON.stringify(texts));
      assert.ok(texts.some((t) => t.startsWith("Megan Bowen kunde inte nås i Teams just nu.")), JSON.stringify(texts));
      assert.ok(!texts.some((t) => t.includes("no_conversation")), "no internal codes shown to users");
      await connector.waitFor((l) => l.some((r) => r.kind === "send" && r.conversationId === personalConv(PEOPLE.patti)));
      const notice = valid(cardOf(connector.sends(personalConv(PEOPLE.patti)).at(-1)!.body), "admin notice");
      assert.ok(visibleTexts(notice).some((t) => t.includes("kunde inte levereras till Megan Bowen")));
      assert.equal(actionsOf(notice).length, 0, "the admin cannot decide for the manager");
      const reference = fact(res.value, "Referens")!;
      const stack = await fresh.app.approvals;
      const stored = await stack.store.get(reference);
      assert.equal(stored?.request.status, "pending");
      assert.ok(visibleTexts(notice).some((t) => t.includes(`policybot approvals decide ${reference} approve`)), "the notice names the command");

      // the administrator decides from the command line, as the notice says
      const lines: string[] = [];
      let code = 0;
      const program = new Command().exitOverride();
      registerApprovalsCommand(program, { config: () => loadConfig({}), open: async () => ({ ...stack, close: async () => undefined }), out: (l) => lines.push(l), exit: (c) => (code = c) });
      await program.parseAsync(["node", "policybot", "approvals", "decide", reference, "reject", "--as", PEOPLE.patti.aadObjectId]);
      assert.equal(code, 1, "a rejection needs a comment");
      assert.match(lines.at(-1)!, /not decided \(comment required\)/);
      connector.clear();
      const before = lines.length;
      await program.parseAsync(["node", "policybot", "approvals", "decide", reference, "godkänn", "--as", PEOPLE.patti.aadObjectId, "--comment", "OK för protokoll"]);
      assert.match(lines[before], new RegExp(`^${reference}  approved by Patti Fernandez`));
      // the requester's card and the admin's notice say so, as after a decision in Teams
      assert.deepEqual(lines.slice(before + 1), ["  requester's card in Teams: updated", "  admin's card in Teams: updated"]);
      const updates = connector.log.filter((r) => r.kind === "update");
      const requesterCard = valid(cardOf(updates.find((u) => u.conversationId === conversationId)!.body), "requester's card after the CLI decision");
      assert.ok(visibleTexts(requesterCard).includes("Beslut: Godkänd"), JSON.stringify(visibleTexts(requesterCard)));
      const adminCard = valid(cardOf(updates.find((u) => u.conversationId === personalConv(PEOPLE.patti))!.body), "admin's card after the CLI decision");
      assert.ok(visibleTexts(adminCard).some((t) => t.startsWith("Beslut: Godkänd")), JSON.stringify(visibleTexts(adminCard)));
      const decided = await stack.service.get(reference);
      assert.equal(decided?.request.status, "approved");
      assert.equal(decided?.request.decision?.as, "admin");
      code = 0;
      await program.parseAsync(["node", "policybot", "approvals", "decide", reference, "reject", "--as", PEOPLE.patti.aadObjectId, "--comment", "x"]);
      assert.equal(code, 1, "a decided request is not decided again");
    } finally {
      await fresh.stop();
    }
  });

  it("logs carry no purpose or comment text", () => {
    const text = bot.logs.text();
    assert.ok(!text.includes("Sammanfatta offentliga protokoll"));
    assert.ok(!text.includes("Använd Copilot i stället"));
    assert.ok(text.includes('"event":"approval"'));
  });
});
