// A durable journal of work items (the incident and delivery outboxes) on the StateStore
// port, so every instance sharing one Azure Blob container sees the same items. Pending
// items live in namespace <name>, one document each; an item that ended moves to
// <name>-<state> (e.g. "deliveries-done"), so listing what is due reads only what is
// pending. Claims are compare-and-swap writes on the item's ETag: of two processes
// claiming one item, one wins and the other skips it.
import { StateConflictError, updateState, type StateStore } from "./store";

export interface JournalItem {
  id: string;
  state: string;
  /** epoch ms; a claim moves it to the end of the claimer's lease */
  nextAttemptAt: number;
  createdAt: number;
}

/** an item id as a state key: anything but letters, digits and '-' escaped as _xx (ids hold ':') */
export function journalKey(id: string): string {
  const k = id.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16).padStart(2, "0")}`);
  return /^[A-Za-z0-9]/.test(k) ? k : `k${k}`;
}

export class StateJournal<T extends JournalItem> {
  constructor(
    private readonly store: StateStore,
    readonly name: string,
    private readonly endedStates: readonly string[],
  ) {}

  private ended(state: string): string {
    return `${this.name}-${state}`;
  }

  /** "exists" when the id is pending or has ended (an id is used once) */
  async add(item: T): Promise<"added" | "exists"> {
    if (await this.endedItem(item.id)) return "exists";
    try {
      await this.store.create(this.name, journalKey(item.id), item);
      return "added";
    } catch (e) {
      if (e instanceof StateConflictError) return "exists";
      throw e;
    }
  }

  /** an ended item wins over a pending copy left by a crash between the two writes of end() */
  async get(id: string): Promise<T | undefined> {
    return (await this.endedItem(id)) ?? (await this.store.get<T>(this.name, journalKey(id)))?.value;
  }

  private async endedItem(id: string): Promise<T | undefined> {
    for (const s of this.endedStates) {
      const e = await this.store.get<T>(this.ended(s), journalKey(id));
      if (e) return e.value;
    }
    return undefined;
  }

  /** pending items, oldest first */
  async pending(limit = Number.MAX_SAFE_INTEGER): Promise<T[]> {
    const keys = await this.store.keys(this.name);
    const items: T[] = [];
    for (const k of keys) {
      const e = await this.store.get<T>(this.name, k);
      if (e) items.push(e.value);
    }
    return items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)).slice(0, limit);
  }

  /**
   * pending items due by `dueBy`, oldest first, each changed by `claim` with a
   * compare-and-swap write; an item another process changed meanwhile is skipped.
   * Returns the items as they were before the claim.
   */
  async claimDue(dueBy: number, limit: number, claim: (item: T) => T): Promise<T[]> {
    const keys = await this.store.keys(this.name);
    const due: { item: T; etag: string }[] = [];
    for (const k of keys) {
      const e = await this.store.get<T>(this.name, k);
      if (e && e.value.nextAttemptAt <= dueBy) due.push({ item: e.value, etag: e.etag });
    }
    due.sort((a, b) => a.item.createdAt - b.item.createdAt || a.item.id.localeCompare(b.item.id));
    const out: T[] = [];
    for (const d of due) {
      if (out.length >= limit) break;
      if (await this.endedAlready(d.item.id)) continue;
      try {
        await this.store.replace(this.name, journalKey(d.item.id), claim(d.item), d.etag);
        out.push(d.item);
      } catch (e) {
        if (!(e instanceof StateConflictError)) throw e;
      }
    }
    return out;
  }

  /** claims one pending item whatever its due time; undefined when it is not pending */
  async claim(id: string, claim: (item: T) => T): Promise<T | undefined> {
    if (await this.endedAlready(id)) return undefined;
    let before: T | undefined;
    await updateState<T>(this.store, this.name, journalKey(id), (cur) => {
      before = cur;
      return cur ? claim(cur) : undefined;
    });
    return before;
  }

  /** the pending copy of an item that has ended (a crash inside end()): removed, never run again */
  private async endedAlready(id: string): Promise<boolean> {
    if (!(await this.endedItem(id))) return false;
    await this.store.delete(this.name, journalKey(id));
    return true;
  }

  /** changes a pending item (nothing when it is not pending) */
  async update(id: string, fn: (item: T) => T): Promise<void> {
    await updateState<T>(this.store, this.name, journalKey(id), (cur) => (cur ? fn(cur) : undefined));
  }

  /**
   * ends a pending item: the ended copy is written first, then the pending one removed.
   * A crash between the two leaves both; get() and add() see the ended one.
   */
  async end(id: string, state: string, fn: (item: T) => T): Promise<void> {
    const key = journalKey(id);
    const cur = await this.store.get<T>(this.name, key);
    if (!cur) return;
    await this.store.put(this.ended(state), key, { ...fn(cur.value), state });
    await this.store.delete(this.name, key);
  }

  async count(state?: string): Promise<number> {
    return (await this.store.keys(state ? this.ended(state) : this.name)).length;
  }

  /**
   * forgets ended items last written before `before` (epoch ms by the store's clock: the
   * store keeps the time of each write, so nothing is read to decide)
   */
  async prune(before: number): Promise<number> {
    let n = 0;
    for (const s of this.endedStates) {
      for (const { key, modifiedAt } of await this.store.list(this.ended(s))) {
        if (modifiedAt < before && (await this.store.delete(this.ended(s), key))) n++;
      }
    }
    return n;
  }
}
