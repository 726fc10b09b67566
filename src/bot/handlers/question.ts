// A question: ask the pack, answer with a card (or a refusal card when the policy is silent).
import { randomUUID } from "node:crypto";
import type { TurnContext } from "botbuilder";
import type { BotDeps } from "../deps";
import { answerCard } from "../cards/answer-card";
import { refusalCard } from "../cards/refusal-card";
import { sendCard } from "../send-card";
import type { SentAnswer } from "../recent-answers";
import { metrics } from "../../telemetry/metrics";
import { turnLang } from "../language";

export async function handleQuestion(ctx: TurnContext, deps: BotDeps, question: string): Promise<void> {
  const started = performance.now();
  const packId = deps.packs.get(ctx.activity.conversation.id);
  const answer = deps.library.ask(packId, question, { lang: turnLang(ctx) });
  const facts = deps.library.get(packId).facts;
  const organisation = facts.organisation.name;
  const answerId = randomUUID();
  const sent: SentAnswer = answer.refused
    ? { kind: "refusal", data: { lang: answer.lang, answerId, organisation, answer: answer.answer, contact: facts.contact[answer.lang], feedback: "ask" } }
    : {
        kind: "answer",
        data: {
          lang: answer.lang, answerId, organisation, verdict: answer.verdict, verdictKind: answer.verdictKind, answer: answer.answer, citations: answer.citations, feedback: "ask",
          sectionLink: answer.citations.length > 0 ? deps.sectionLink?.(packId, answer.citations[0].section) : undefined,
        },
      };
  const askedMs = Math.round(performance.now() - started);
  await sendCard(ctx, sent.kind === "answer" ? answerCard(sent.data) : refusalCard(sent.data));
  deps.recent.remember(answerId, sent);
  metrics().answer(answer.refused ? "refused" : (answer.verdictKind ?? "none"));
  deps.log.info(
    { event: "answer", answerId, packId, lang: answer.lang, refused: answer.refused, citations: answer.citations.length, confidence: round(answer.confidence), askMs: askedMs },
    "answered",
  );
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
