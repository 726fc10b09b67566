// Card data of recently sent answers, so a feedback click can redraw the same card
// with a thank-you line instead of the buttons. Holds policy text only (never the
// user's question) and forgets the least recently used past a fixed size.
import type { AnswerCardData } from "./cards/answer-card";
import type { RefusalCardData } from "./cards/refusal-card";
import { BoundedMap } from "../util/bounded-map";

export type SentAnswer = { kind: "answer"; data: AnswerCardData } | { kind: "refusal"; data: RefusalCardData };

export class RecentAnswers {
  private readonly items: BoundedMap<string, SentAnswer>;

  constructor(max = 500) {
    this.items = new BoundedMap({ max });
  }

  remember(answerId: string, sent: SentAnswer): void {
    this.items.set(answerId, sent);
  }

  get(answerId: string): SentAnswer | undefined {
    return this.items.get(answerId);
  }
}
