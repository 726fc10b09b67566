// A secret every bot process shares (the approval card HMAC key), kept in the state store:
// the first process creates it, the others read it. With the Blob adapter, instances on
// different machines verify each other's cards.
import { randomBytes } from "node:crypto";
import { StateConflictError, type StateStore } from "./store";

export async function sharedSecret(state: StateStore, name: string): Promise<Buffer> {
  const cur = await state.get<{ key: string }>("secrets", name);
  if (cur) return Buffer.from(cur.value.key, "base64");
  const key = randomBytes(32);
  try {
    await state.create("secrets", name, { key: key.toString("base64") });
    return key;
  } catch (e) {
    if (!(e instanceof StateConflictError)) throw e;
    const won = await state.get<{ key: string }>("secrets", name);
    if (!won) throw e;
    return Buffer.from(won.value.key, "base64");
  }
}
