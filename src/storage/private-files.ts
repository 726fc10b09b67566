// Owner-only modes for everything the bot keeps under DATA_DIR: the folder 0700, its
// files 0600 (SQLite databases with their -wal/-shm/-journal, key files), whatever the
// umask. SQLite alone would create a database 0644 even under umask 077, and the
// card-signing key lives in state.sqlite. Files and the folder found with wider modes
// (an older version made them) lose their group and other bits when opened.
import * as fs from "node:fs";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const STICKY = 0o1000;

/** SQLite's companion files of a database file */
export const SQLITE_COMPANIONS = ["-wal", "-shm", "-journal"] as const;

/**
 * makes the folder (and missing parents) owner-only, or narrows it to that. A shared
 * sticky folder (/tmp) is never the bot's own and is left as it is, as is a folder another
 * user owns (the files in it are owner-only all the same).
 */
export function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const st = fs.statSync(dir);
  if ((st.mode & 0o077) === 0 || st.mode & STICKY) return;
  try {
    fs.chmodSync(dir, st.mode & 0o700);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") throw e;
  }
}

/** narrows an existing file to owner-only (its owner bits kept); false when there is no such file */
export function tightenFile(file: string): boolean {
  let mode: number;
  try {
    mode = fs.statSync(file).mode;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
  if (mode & 0o077) fs.chmodSync(file, mode & 0o700);
  return true;
}

/** creates the file empty with mode 0600 (exactly, whatever the umask), or narrows the existing one */
export function privateFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, "wx", PRIVATE_FILE_MODE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    tightenFile(file);
    return;
  }
  try {
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    fs.closeSync(fd);
  }
}
