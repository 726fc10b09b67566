// Time as a dependency, so retries, outages and deadlines are tested without waiting.
export interface Clock {
  /** epoch milliseconds */
  now(): number;
  /** resolves after ms (a fake clock advances instead of waiting) */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** a clock that only moves when told to, or when someone sleeps on it */
export class ManualClock implements Clock {
  constructor(private t = Date.parse("2026-03-02T09:00:00Z")) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  async sleep(ms: number): Promise<void> {
    this.t += Math.max(0, ms);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
