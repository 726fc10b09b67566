// Reading what the bot sent: the adaptive card of an activity and its visible text.
import * as assert from "node:assert/strict";

export function cardOf(activity: Record<string, any>): Record<string, any> {
  const att = (activity.attachments ?? [])[0];
  assert.ok(att, `expected a card attachment, got ${JSON.stringify(activity).slice(0, 300)}`);
  assert.equal(att.contentType, "application/vnd.microsoft.card.adaptive");
  return att.content;
}

/** every TextBlock text, FactSet fact and action title, depth first */
export function visibleTexts(node: unknown): string[] {
  const out: string[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    if (n.type === "TextBlock") out.push(n.text);
    if (n.type === "FactSet") for (const f of n.facts) out.push(f.title, f.value);
    if (typeof n.type === "string" && n.type.startsWith("Action.")) out.push(n.title);
    for (const k of ["body", "items", "columns", "actions"]) if (n[k]) walk(n[k]);
  };
  walk(node);
  return out;
}

export function actionsOf(card: Record<string, any>): Array<Record<string, any>> {
  return card.actions ?? [];
}
