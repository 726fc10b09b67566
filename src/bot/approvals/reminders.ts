// The reminder timer: every interval, the approvals service says what is due (a reminder
// to the approver, an escalation to the admin, an expiry) and the flow sends the cards.
// Each action is handed to exactly one process (compare-and-swap in the state store),
// so several instances can run the timer side by side.
import type { ApprovalService } from "../../approvals/service";
import type { ApprovalFlow } from "./flow";

export class ReminderTimer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly service: Pick<ApprovalService, "dueReminders">,
    private readonly flow: Pick<ApprovalFlow, "onReminders">,
    private readonly intervalMs: number,
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce().catch(this.onError), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** one pass; concurrent calls share it. Resolves with the number of actions handled */
  runOnce(): Promise<number> {
    this.running ??= (async () => {
      const actions = await this.service.dueReminders();
      await this.flow.onReminders(actions);
      return actions.length;
    })().finally(() => (this.running = undefined));
    return this.running;
  }
}
