// The approval cards, command, edge parsing and proactive helpers, without HTTP: every
// builder's output against the Adaptive Cards 1.5 schema for each pack and language.
import * as assert from "node:assert/strict";
import type { ApprovalRequest } from "../../src/approvals/model";
import { evaluate } from "../../src/approvals/rules";
import { toolOptions, infoKindOptions } from "../../src/approvals/catalog";
import { approvalCard } from "../../src/bot/approvals/approval-card";
import { approvalCommand } from "../../src/bot/approvals/command";
import { formCard } from "../../src/bot/approvals/form-card";
import { notApprovableCard, notRequiredCard, requesterCard } from "../../src/bot/approvals/request-cards";
import { isApprovalVerb, parseDecideInvoke, parseDecideMessage, parseFormInvoke, parseRefreshInvoke } from "../../src/bot/approvals/submits";
import { parseCommand } from "../../src/bot/commands";
import { ConversationRefs } from "../../src/bot/notify/conversation-refs";
import { chatIsGone, proactiveErrorCode } from "../../src/bot/proactive/errors";
import { table } from "../../src/locales";
import { packFactsSchema } from "../../src/policy/pack-schema";
import { actionsOf, visibleTexts } from "../support/cards";
import { approvalRequest, APPROVAL_ID } from "../support/approval-request";
import { testLibrary } from "../support/library";
import { adaptiveCardValidator, assertValid } from "../support/schemas";

const ID = APPROVAL_ID;
const request = approvalRequest;

const decided = (outcome: "approved" | "rejected") =>
  request({ status: outcome, decision: { outcome, by: { objectId: "m-1", name: "Megan Bowen" }, as: "nearest-manager", at: "2026-03-03T10:00:00.000Z", ...(outcome === "rejected" ? { comment: "Nej tack" } : {}) }, revision: 2 });

describe("approval cards", () => {
  const validate = adaptiveCardValidator();
  const lib = testLibrary();

  it("the command opens the form in Swedish and English, and nothing else does", () => {
    for (const s of ["ansök om AI-verktyg", "Ansök om ett AI-verktyg", "/ansok om ai-verktyg", "ansökan AI-verktyg!"]) assert.equal(approvalCommand(s), "sv", s);
    for (const s of ["request AI tool", "Request an AI tool", "apply for an AI tool"]) assert.equal(approvalCommand(s), "en", s);
    for (const s of ["ansök om semester", "får jag ansöka om AI-verktyg?", "request", "AI-verktyg"]) assert.equal(approvalCommand(s), undefined, s);
    assert.deepEqual(parseCommand("ansök om AI-verktyg"), { kind: "requestApproval", lang: "sv" });
    assert.deepEqual(parseCommand("request AI tool"), { kind: "requestApproval", lang: "en" });
  });

  it("the form for every pack and language is a valid 1.5 card with the pack's tools, a free field, Execute with a Submit fallback", () => {
    for (const id of lib.ids()) {
      const facts = lib.get(id).facts;
      for (const lang of ["sv", "en"] as const) {
        const form = { token: "tok", tools: toolOptions(facts, lang), infoKinds: infoKindOptions(lang), askPurchase: facts.approvals.purchase !== undefined, defaultValidUntil: "2027-01-01" };
        const card = formCard({ lang, organisation: facts.organisation.name, form, issues: [{ field: "purpose", code: "required", message: "" }], values: { tool: "other", toolName: "Claude" } });
        assertValid(validate, card, `${id} ${lang} form`);
        const json = JSON.stringify(card);
        assert.ok(json.includes('"id":"toolName"') && json.includes("Claude"), "free field, value kept");
        assert.equal(json.includes('"id":"purchase"'), form.askPurchase, `${id}: purchase switch where the pack has a purchase rule`);
        const [submit] = actionsOf(card);
        assert.equal(submit.type, "Action.Execute");
        assert.deepEqual(submit.fallback.data, { token: "tok", lang, verb: "approvalSubmit" });
      }
    }
  });

  it("requester and approver cards in every state are valid; refresh lists the approver only while open", () => {
    const org = "Wenell";
    const cases: Array<[string, ApprovalRequest]> = [
      ["pending", request()],
      ["noApprover", request({ routingCode: "no_manager", approver: { objectId: "a-1", name: "Patti", slot: "admin" } })],
      ["escalated", request({ status: "escalated", escalatedTo: { objectId: "a-1", name: "Patti" } })],
      ["approved", decided("approved")],
      ["rejected", decided("rejected")],
      ["expired", request({ status: "expired", revision: 2 })],
    ];
    for (const [what, r] of cases) {
      for (const lang of ["sv", "en"] as const) {
        assertValid(validate, requesterCard({ lang, organisation: org, request: r, showPurpose: true, notes: ["x"] }), `${what} requester`);
        const view = approvalCard({ lang, organisation: org, request: r, view: { kind: "decide", token: "t" }, refreshUserIds: ["29:megan"] });
        assertValid(validate, view, `${what} approver`);
        const open = r.status === "pending" || r.status === "escalated";
        assert.equal(actionsOf(view).length, open ? 2 : 0, what);
        assert.deepEqual(view.refresh?.userIds, open ? ["29:megan"] : undefined, what);
        assertValid(validate, approvalCard({ lang, organisation: org, request: r, view: { kind: "readOnly" }, banner: { text: "b" } }), `${what} read-only`);
      }
    }
    const ro = approvalCard({ lang: "sv", organisation: org, request: request(), view: { kind: "readOnly" } });
    assert.ok(!visibleTexts(ro).includes("Sammanfatta protokoll"), "the read-only view leaves the purpose out");
    const many = approvalCard({ lang: "sv", organisation: org, request: request(), view: { kind: "readOnly" }, refreshUserIds: Array.from({ length: 80 }, (_, i) => `29:u${i}`) });
    assert.equal(many.refresh!.userIds!.length, 60, "Teams takes at most 60 user ids");
    const rejected = visibleTexts(approvalCard({ lang: "sv", organisation: org, request: decided("rejected"), view: { kind: "readOnly" } }));
    assert.ok(rejected.includes("Beslut: Avslagen") && rejected.includes("Nej tack") && rejected.includes("Megan Bowen (Närmaste chef)"));
  });

  it("the never-approvable and not-required answers quote the pack and are valid", () => {
    const hjo = lib.get("hjo").facts;
    const v = evaluate(hjo, { toolClass: "secure", infoKinds: ["secret"], purchase: false });
    assert.equal(v.kind, "notApprovable");
    if (v.kind !== "notApprovable") return;
    assert.equal(v.code, "info_forbidden");
    const card = notApprovableCard({ lang: "sv", organisation: hjo.organisation.name, code: v.code, citations: v.citations });
    assertValid(validate, card, "never");
    assert.ok(visibleTexts(card).includes("”Hantering av sekretessbelagd information med hjälp av AI är förbjudet.”"));
    assert.ok(visibleTexts(card).some((t) => t.startsWith("Policyn förbjuder den här sortens information i alla AI-verktyg")));
    // codes the service already had keep the service's texts
    const pub = notApprovableCard({ lang: "en", organisation: "X", code: "personal_data_public_tool", citations: [] });
    assert.ok(visibleTexts(pub).some((t) => t.startsWith("Personal data may never go into a publicly available AI tool")));
    const sod = lib.get("soderkoping").facts;
    const nr = evaluate(sod, { toolClass: "secure", infoKinds: ["open"], purchase: false });
    assert.equal(nr.kind, "notRequired");
    if (nr.kind === "notRequired") assertValid(validate, notRequiredCard({ lang: "en", organisation: sod.organisation.name, reason: nr.reason, summary: nr.summary, citations: nr.citations }), "not required");
    // no other pack forbids secret information outright in a secure tool
    for (const id of ["wenell", "dalsland", "staffanstorp"]) assert.notEqual(evaluate(lib.get(id).facts, { toolClass: "secure", infoKinds: ["secret"], purchase: false }).kind, "notApprovable", id);
  });

  it("approvals.never in a pack must name kinds and quote something", () => {
    const facts = JSON.parse(JSON.stringify(lib.get("hjo").facts));
    const raw = (c: { section: string; rule: string | null; quote: string }) => ({ section: c.section, rule: c.rule, quote: c.quote });
    const strip = (f: any): any => ({ ...f, citations: f.citations.map(raw) });
    // rebuild pack.json-shaped facts (no policy ids) and break the never rule
    const packish = {
      ...facts,
      approvals: { aiUse: strip(facts.approvals.aiUse), purchase: strip(facts.approvals.purchase), personalData: strip(facts.approvals.personalData), never: [{ infoKinds: [], citations: [] }] },
    };
    assert.equal(packFactsSchema.shape.approvals.safeParse(packish.approvals).success, false);
    packish.approvals.never = [{ infoKinds: ["secret"], citations: facts.approvals.never[0].citations.map(raw) }];
    assert.equal(packFactsSchema.shape.approvals.safeParse(packish.approvals).success, true);
  });

  it("card actions are parsed at the edge; anything else is not ours", () => {
    const exec = (verb: string, data: unknown) => ({ action: { type: "Action.Execute", verb, data } });
    assert.deepEqual(parseFormInvoke(exec("approvalSubmit", { token: "t", lang: "en", tool: "copilot", purpose: 3, purchase: true })), { token: "t", lang: "en", fields: { tool: "copilot", purchase: "true" } });
    assert.equal(parseFormInvoke(exec("approvalSubmit", { lang: "sv" })), undefined, "no token");
    assert.deepEqual(parseDecideInvoke(exec("approvalDecide", { requestId: ID, decision: "approve", token: "t" }))?.data, { requestId: ID, decision: "approve", comment: undefined, token: "t" });
    assert.ok(parseDecideMessage({ verb: "approvalDecide", requestId: ID, decision: "reject", token: "t", comment: "nej" }));
    assert.equal(parseRefreshInvoke(exec("approvalRefresh", { requestId: "../etc" })), undefined);
    assert.equal(isApprovalVerb(exec("feedback", {})), false);
    assert.equal(isApprovalVerb({ verb: "approvalDecide" }), true);
  });

  it("connector failures become stable codes", () => {
    assert.equal(proactiveErrorCode({ name: "RestError", code: "ConversationNotFound", statusCode: 404 }), "ConversationNotFound");
    assert.equal(proactiveErrorCode({ statusCode: 403, body: JSON.stringify({ error: { code: "BotNotInConversationRoster" } }) }), "BotNotInConversationRoster");
    assert.equal(proactiveErrorCode({ statusCode: 502 }), "http_502");
    assert.ok(chatIsGone("BotNotInConversationRoster") && chatIsGone("ConversationNotFound") && !chatIsGone("http_502"));
  });

  it("1:1 references persist in the store once (again only when they change) and are read back after a restart", async () => {
    const saved: Array<[string, Record<string, unknown>]> = [];
    const store = { savePersonal: async (oid: string, ref: Record<string, unknown>) => void saved.push([oid, ref]), personal: async (oid: string) => saved.filter(([o]) => o === oid).at(-1)?.[1] };
    const refs = new ConversationRefs(store);
    const activity = { type: "message", serviceUrl: "https://smba.example/", channelId: "msteams", conversation: { id: "a:1", conversationType: "personal" }, from: { id: "29:m", name: "M", aadObjectId: "m-1" }, recipient: { id: "28:b", name: "B" }, locale: "sv-SE" };
    await refs.remember(activity as never);
    await refs.remember(activity as never);
    assert.equal(saved.length, 1);
    await refs.remember({ ...activity, serviceUrl: "https://smba.example/emea/" } as never);
    assert.equal(saved.length, 2);
    await refs.remember({ ...activity, conversation: { id: "19:g", conversationType: "groupChat" }, from: { ...activity.from, aadObjectId: "x-1" } } as never);
    assert.equal(saved.length, 2, "group chats are not anyone's 1:1 chat");
    const afterRestart = new ConversationRefs(store);
    assert.equal(afterRestart.personal("m-1"), undefined);
    assert.equal((await afterRestart.personalRef("m-1"))?.serviceUrl, "https://smba.example/emea/");
    assert.ok(!JSON.stringify(saved).includes("text"), "no message text in a reference");
  });

  it("approval-cards locales: same keys and placeholders in sv and en", () => {
    const flat = (t: Record<string, unknown>, p = ""): Record<string, string> =>
      Object.fromEntries(Object.entries(t).flatMap(([k, v]) => (typeof v === "string" ? [[p + k, v]] : Object.entries(flat(v as Record<string, unknown>, `${p}${k}.`)))));
    const sv = flat(table("sv", "approval-cards"));
    const en = flat(table("en", "approval-cards"));
    assert.deepEqual(Object.keys(en).sort(), Object.keys(sv).sort());
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(sv)) assert.deepEqual(vars(en[k]), vars(sv[k]), k);
  });
});
