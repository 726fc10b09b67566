// The policy library the bot tests run against: the real packs in policies/, loaded once.
import { loadPolicyLibrary } from "../../src/policy/library";
import type { PolicyLibrary } from "../../src/policy/types";

let library: PolicyLibrary | undefined;

export function testLibrary(): PolicyLibrary {
  return (library ??= loadPolicyLibrary());
}
