// Per-pack approver rules, from the five packs' real facts.
import * as assert from "node:assert/strict";
import { evaluate, type RuleInput } from "../../src/approvals/rules";
import { library } from "./helpers";

const facts = (id: string) => library().get(id).facts;
const input = (over: Partial<RuleInput>): RuleInput => ({ toolClass: "secure", infoKinds: ["open"], purchase: false, ...over });
const quotes = (cs: { quote: string }[]) => cs.map((c) => c.quote).join(" | ");

describe("approval rules per pack", () => {
  it("wenell: the nearest manager approves AI use, the CEO (VD) purchases", () => {
    const use = evaluate(facts("wenell"), input({ toolClass: "public" }));
    assert.equal(use.kind, "route");
    if (use.kind !== "route") return;
    assert.equal(use.rule.role, "nearest-manager");
    assert.match(quotes(use.rule.citations), /kräver godkännande av medarbetarens närmaste chef/);
    const buy = evaluate(facts("wenell"), input({ purchase: true }));
    assert.equal(buy.kind === "route" && buy.rule.role, "ceo");
    assert.match(buy.kind === "route" ? quotes(buy.rule.citations) : "", /godkännas av VD före inköp/);
  });

  it("wenell: customer data in an open AI solution is never approvable, and the rule is quoted", () => {
    const v = evaluate(facts("wenell"), input({ toolClass: "public", infoKinds: ["customer"] }));
    assert.equal(v.kind, "notApprovable");
    assert.equal(v.kind === "notApprovable" && v.code, "customer_data_public_tool");
    assert.match(v.kind === "notApprovable" ? quotes(v.citations) : "", /Kunddata får under inga som helst omständigheter/);
  });

  it("dalsland: the responsible manager approves personal data in a secure AI system; never in a public one", () => {
    const v = evaluate(facts("dalsland"), input({ infoKinds: ["personal"] }));
    assert.equal(v.kind, "route");
    if (v.kind !== "route") return;
    assert.equal(v.rule.role, "responsible-manager");
    assert.equal(v.rule.basis, "personalData");
    assert.match(quotes(v.rule.citations), /godkänd av verksamhetsansvarig chef/);
    const pub = evaluate(facts("dalsland"), input({ toolClass: "public", infoKinds: ["personal"] }));
    assert.equal(pub.kind === "notApprovable" && pub.code, "personal_data_public_tool");
    assert.match(pub.kind === "notApprovable" ? quotes(pub.citations) : "", /inte tillåtet att dela personuppgifter/);
  });

  it("staffanstorp: the head of operations decides on personal data in a procured system; no approval for public information", () => {
    const v = evaluate(facts("staffanstorp"), input({ infoKinds: ["personal"] }));
    assert.equal(v.kind === "route" && v.rule.role, "head-of-operations");
    assert.match(v.kind === "route" ? quotes(v.rule.citations) : "", /Verksamhetschef fattar beslut om sådan behandling och beslutet ska dokumenteras/);
    const open = evaluate(facts("staffanstorp"), input({ toolClass: "public" }));
    assert.equal(open.kind === "notRequired" && open.reason, "no-approval");
    // buying goes through the municipality's procurement, not a manager
    const buy = evaluate(facts("staffanstorp"), input({ purchase: true }));
    assert.equal(buy.kind === "notRequired" && buy.reason, "other-process");
    // buying a system for personal data: the head of operations decides, procurement is also required
    const both = evaluate(facts("staffanstorp"), input({ purchase: true, infoKinds: ["personal"] }));
    assert.equal(both.kind === "route" && both.rule.role, "head-of-operations");
    assert.match(both.kind === "route" ? quotes(both.alsoRequired) : "", /Upphandlas enligt kommunens processer/);
  });

  it("hjo: the responsible manager gives special permission for personal data; public AI never gets it", () => {
    const v = evaluate(facts("hjo"), input({ infoKinds: ["personal"] }));
    assert.equal(v.kind === "route" && v.rule.role, "responsible-manager");
    assert.match(v.kind === "route" ? quotes(v.rule.citations) : "", /utan särskild tillåtelse av ansvarig chef/);
    const pub = evaluate(facts("hjo"), input({ toolClass: "public", infoKinds: ["personal"] }));
    assert.equal(pub.kind, "notApprovable");
    const open = evaluate(facts("hjo"), input({ toolClass: "public" }));
    assert.equal(open.kind === "notRequired" && open.reason, "no-approval");
  });

  it("soderkoping: no manager decides; the system-classification analysis is the process (rule B/C quoted)", () => {
    const v = evaluate(facts("soderkoping"), input({ infoKinds: ["personal"] }));
    assert.equal(v.kind === "notRequired" && v.reason, "other-process");
    assert.ok(v.kind === "notRequired" && v.citations.some((c) => c.rule === "C"));
    const pub = evaluate(facts("soderkoping"), input({ toolClass: "public", infoKinds: ["personal"] }));
    assert.equal(pub.kind === "notApprovable" && pub.code, "personal_data_public_tool");
    assert.ok(pub.kind === "notApprovable" && pub.citations.some((c) => c.rule === "D"));
  });

  it("secrecy and sensitive data in any pack's public tool are refused with that pack's rules", () => {
    for (const id of library().ids()) {
      for (const kind of ["secret", "sensitive"] as const) {
        const v = evaluate(facts(id), input({ toolClass: "public", infoKinds: ["open", kind] }));
        assert.equal(v.kind, "notApprovable", `${id} ${kind}`);
        assert.ok(v.kind === "notApprovable" && v.citations.length > 0 && v.citations.every((c) => c.policy === id), `${id} ${kind} cites its own pack`);
      }
    }
  });

  it("a forbidden tool is never approvable", () => {
    const v = evaluate(facts("wenell"), input({ toolClass: "forbidden", toolCitations: facts("wenell").tools.publicAi.citations }));
    assert.equal(v.kind === "notApprovable" && v.code, "tool_forbidden");
  });
});
