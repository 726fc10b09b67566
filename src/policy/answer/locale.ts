// Answer texts in Swedish and English (src/locales/<lang>/answers.json), through
// the project's locale lookup so every area's texts live in one place.
import { t } from "../../locales";
import type { Lang } from "../types";

export type AnswerKey = "lead" | "sourceWithRule" | "source" | "quoteLine" | "refusal" | "lowConfidence" | "depends" | "and" | "andAlso" | `dependsOn.${string}` | `verdict.${string}` | `kinds.${string}` | `dependsConditional.${string}` | `roles.${string}` | "roleAnd";

export function answerText(lang: Lang, key: AnswerKey, vars: Record<string, string> = {}): string {
  return t(lang, "answers", key, vars);
}
