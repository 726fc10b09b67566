// Card data of recently sent answers, so a feedback click can redraw the same card
// with a thank-you line instead of the buttons. Holds policy text only (never the
// user's question) and forgets the oldest entries past a fixed size.
import type { AnswerCardData } from "./cards/answer-card";
import type { RefusalCardData } from "./cards/refusal-card";

export type SentAnswer = { kind: "answer"; data: AnswerCardData } | { kind: "refusal"; data: RefusalCardData };

export class RecentAnswers {
  private readonly items = new Map<string, SentAnswer>();

  constructor(private readonly max = 500) {}

  remember(answerId: string, sent: SentAnswer): void {
    this.items.delete(answerId);
    this.items.set(answerId, sent);
    while (this.items.size > this.max) {
      const oldest = this.items.keys().next().value;
      if (oldest === undefined) break;
      this.items.delete(oldest);
    }
  }

  get(answerId: string): SentAnswer | undefined {
    return this.items.get(answerId);
  }
}
