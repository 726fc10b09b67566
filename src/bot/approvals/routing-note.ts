// Where a request goes, from the pack alone, told before the form is filled in: the
// policy's own summary and who decides (a role; the person is looked up on submit). A pack
// under which no one in the bot can approve anything (every rule says "another process")
// gets that answer instead of a form.
import type { PackFacts } from "../../policy/types";
import { isRoutable } from "../../approvals/model";
import type { LocaleLang } from "../../locales";
import { a, k } from "./texts";

/** true when some request under the pack is decided in the bot */
export function anyRoutable(facts: PackFacts): boolean {
  const ap = facts.approvals;
  return [ap.aiUse, ap.purchase, ap.personalData].some((f) => f !== undefined && isRoutable(f.role));
}

/** the lines the form shows under its intro */
export function routingNote(facts: PackFacts, lang: LocaleLang): string[] {
  const ap = facts.approvals;
  const roles: string[] = [];
  if (isRoutable(ap.aiUse.role)) roles.push(a(lang, `role.${ap.aiUse.role}`).toLowerCase());
  if (ap.purchase && isRoutable(ap.purchase.role)) roles.push(k(lang, "form.goesToPurchase", { role: a(lang, `role.${ap.purchase.role}`).toLowerCase() }));
  if (ap.personalData && isRoutable(ap.personalData.role)) roles.push(k(lang, "form.goesToPersonal", { role: a(lang, `role.${ap.personalData.role}`).toLowerCase() }));
  const out = [ap.aiUse.summary[lang]];
  if (roles.length) out.push(k(lang, "form.goesTo", { roles: roles.join(", ") }));
  return out;
}
