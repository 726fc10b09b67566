// "ansök om AI-verktyg": the request form. The tools and kinds of information come from
// the pack (through the approvals service's RequestForm); the purchase switch only where
// the pack has a purchase rule. The token in the action's data binds the form to the
// user it was given to and to one request id, so a resubmit never makes a second request.
import type { RequestForm } from "../../approvals/service";
import type { FieldIssue } from "../../approvals/validation";
import { LIMITS } from "../../approvals/validation";
import type { LocaleLang } from "../../locales";
import { adaptiveCard, text, type AdaptiveCard, type Element, type ExecuteAction } from "../cards/adaptive-card";
import { APPROVAL_SUBMIT_VERB, type FormSubmit } from "./submits";
import { k } from "./texts";

export interface FormCardData {
  lang: LocaleLang;
  organisation: string;
  form: Pick<RequestForm, "token" | "tools" | "infoKinds" | "askPurchase" | "defaultValidUntil">;
  /** a re-drawn form: what was typed (1:1 only) and what is wrong */
  values?: FormSubmit["fields"];
  issues?: FieldIssue[];
  /** where the request goes, told before anything is filled in (./routing-note.ts) */
  routing?: string[];
}

export function issueText(lang: LocaleLang, i: FieldIssue): string {
  const field = k(lang, `form.field.${i.field}`);
  return k(lang, `form.issue.${i.code}`, { field: field.startsWith("form.field.") ? i.field : field, limit: i.limit ?? "" });
}

export function formCard(d: FormCardData): AdaptiveCard {
  const { lang, form } = d;
  const v = d.values ?? {};
  const issues = d.issues ?? [];
  const errorFor = (field: string): Element[] => issues.filter((i) => i.field === field).map((i) => text(issueText(lang, i), { color: "attention", size: "small", spacing: "none" }));
  const title = k(lang, "form.title");
  const body: Element[] = [text(title, { size: "large", weight: "bolder", style: "heading" }), text(k(lang, "form.intro", { organisation: d.organisation }), { isSubtle: true })];
  for (const line of d.routing ?? []) body.push(text(line, { spacing: "small" }));
  if (issues.length) {
    body.push(text(k(lang, "form.errorsHeading"), { color: "attention", weight: "bolder" }));
    // issues about no single field (a malformed form) are listed here
    for (const i of issues.filter((x) => !["tool", "toolName", "purpose", "infoKinds", "purchase", "validFrom", "validUntil"].includes(x.field))) body.push(text(issueText(lang, i), { color: "attention", size: "small" }));
  }
  body.push(
    { type: "Input.ChoiceSet", id: "tool", label: k(lang, "form.tool"), isRequired: true, errorMessage: k(lang, "form.required"), style: "expanded", wrap: true, choices: form.tools.map((x) => ({ title: x.label, value: x.choice })), ...(v.tool ? { value: v.tool } : {}) },
    ...errorFor("tool"),
    { type: "Input.Text", id: "toolName", label: k(lang, "form.toolName"), maxLength: LIMITS.toolName, ...(v.toolName ? { value: v.toolName } : {}) },
    ...errorFor("toolName"),
    { type: "Input.Text", id: "purpose", label: k(lang, "form.purpose"), placeholder: k(lang, "form.purposePlaceholder"), isMultiline: true, isRequired: true, errorMessage: k(lang, "form.required"), maxLength: LIMITS.purpose, ...(v.purpose ? { value: v.purpose } : {}) },
    ...errorFor("purpose"),
    { type: "Input.ChoiceSet", id: "infoKinds", label: k(lang, "form.infoKinds"), isMultiSelect: true, isRequired: true, errorMessage: k(lang, "form.required"), style: "expanded", wrap: true, choices: form.infoKinds.map((x) => ({ title: x.label, value: x.id })), ...(v.infoKinds ? { value: v.infoKinds } : {}) },
    ...errorFor("infoKinds"),
  );
  if (form.askPurchase) body.push({ type: "Input.Toggle", id: "purchase", title: k(lang, "form.purchase"), valueOn: "true", valueOff: "false", value: v.purchase === "true" ? "true" : "false", wrap: true }, ...errorFor("purchase"));
  body.push(
    { type: "Input.Date", id: "validFrom", label: k(lang, "form.validFrom"), ...(v.validFrom ? { value: v.validFrom } : {}) },
    ...errorFor("validFrom"),
    { type: "Input.Date", id: "validUntil", label: k(lang, "form.validUntil"), isRequired: true, errorMessage: k(lang, "form.required"), value: v.validUntil || form.defaultValidUntil },
    ...errorFor("validUntil"),
  );
  const data = { token: form.token, lang };
  const submit: ExecuteAction = {
    type: "Action.Execute",
    title: k(lang, "form.submit"),
    verb: APPROVAL_SUBMIT_VERB,
    style: "positive",
    data,
    fallback: { type: "Action.Submit", title: k(lang, "form.submit"), style: "positive", data: { ...data, verb: APPROVAL_SUBMIT_VERB } },
  };
  return adaptiveCard(body, { actions: [submit], fallbackText: title });
}
