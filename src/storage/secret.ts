// A per-installation secret (e.g. the incident form HMAC key), created on first use in
// the data directory with owner-only permissions, so cards issued before a restart
// still verify after it.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

export function loadOrCreateSecret(dataDir: string, name: string): Buffer {
  const file = path.join(dataDir, `${name}.key`);
  try {
    const b = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    if (b.length >= 32) return b;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  try {
    // wx: if two processes race, the first one wins and the second reads its key
    fs.writeFileSync(file, `${secret.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    throw e;
  }
}
