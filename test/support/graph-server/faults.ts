// Faults injected on command: the tests say what goes wrong, the server does it.
import type { Clock } from "../../../src/incidents/clock";

export type FaultAction =
  /** answer with this status (429 and 503 carry Retry-After when given) before doing anything */
  | { kind: "status"; status: number; retryAfterS?: number; code?: string }
  /** close the connection without an answer, before doing anything */
  | { kind: "drop" }
  /** do the work (e.g. create the item), then close the connection without an answer */
  | { kind: "drop-after" }
  /** do the work, then answer only after ms (a client timeout shorter than that sees nothing) */
  | { kind: "delay-after"; ms: number };

export interface FaultMatch {
  method?: string;
  /** tested against the path after /v1.0 (or the token path) */
  path?: RegExp;
}

interface Armed {
  action: FaultAction;
  match: FaultMatch;
  remaining: number;
}

export class Faults {
  private armed: Armed[] = [];
  private outageUntil = 0;
  private outageRetryAfterS = 10;
  /** faults fired, by kind (for assertions) */
  readonly fired: string[] = [];

  constructor(private readonly clock: Clock) {}

  /** arm a fault for the next `times` matching Graph requests (default 1) */
  inject(action: FaultAction, match: FaultMatch = {}, times = 1): this {
    this.armed.push({ action, match, remaining: times });
    return this;
  }

  /** every Graph request gets 503 (with Retry-After) until the clock passes now + ms */
  outage(ms: number, retryAfterS = 10): this {
    this.outageUntil = this.clock.now() + ms;
    this.outageRetryAfterS = retryAfterS;
    return this;
  }

  inOutage(): boolean {
    return this.clock.now() < this.outageUntil;
  }

  get outageRetryAfter(): number {
    return this.outageRetryAfterS;
  }

  clear(): void {
    this.armed = [];
    this.outageUntil = 0;
  }

  /** the fault for this request, if one is armed (and counts it down) */
  take(method: string, path: string): FaultAction | undefined {
    const i = this.armed.findIndex((a) => (!a.match.method || a.match.method === method) && (!a.match.path || a.match.path.test(path)));
    if (i < 0) return undefined;
    const a = this.armed[i];
    if (--a.remaining <= 0) this.armed.splice(i, 1);
    this.fired.push(a.action.kind === "status" ? `status:${a.action.status}` : a.action.kind);
    return a.action;
  }
}
