// A per-installation secret (e.g. the incident form HMAC key), created on first use in
// the data directory with owner-only permissions, so cards issued before a restart
// still verify after it.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { PRIVATE_FILE_MODE, privateDir, tightenFile } from "./private-files";

export function loadOrCreateSecret(dataDir: string, name: string): Buffer {
  const file = path.join(dataDir, `${name}.key`);
  // the folder owner-only, and a key an older version left readable to others narrowed
  privateDir(dataDir);
  tightenFile(file);
  try {
    const b = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    if (b.length >= 32) return b;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const secret = randomBytes(32);
  try {
    // wx: if two processes race, the first one wins and the second reads its key; the umask can only narrow 0600
    fs.writeFileSync(file, `${secret.toString("base64")}\n`, { mode: PRIVATE_FILE_MODE, flag: "wx" });
    return secret;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    throw e;
  }
}
