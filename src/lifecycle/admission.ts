// Whether the server takes new activities, and how many it is handling: on shutdown it
// stops taking them (503 with Retry-After: the channel retries, another instance answers)
// and waits for those in flight.

export class Admission {
  private inFlight = 0;
  private closing = false;
  private idleWaiters: Array<() => void> = [];

  /** false once close() was called */
  get open(): boolean {
    return !this.closing;
  }

  get active(): number {
    return this.inFlight;
  }

  /** one activity starts; false when the server no longer takes any (the caller refuses it) */
  enter(): boolean {
    if (this.closing) return false;
    this.inFlight++;
    return true;
  }

  leave(): void {
    this.inFlight--;
    if (this.inFlight === 0) {
      const w = this.idleWaiters;
      this.idleWaiters = [];
      w.forEach((f) => f());
    }
  }

  close(): void {
    this.closing = true;
  }

  /** resolves true once nothing is in flight, or false at the deadline */
  idle(ms: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((f) => f !== done);
        resolve(false);
      }, ms);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.idleWaiters.push(done);
    });
  }
}
