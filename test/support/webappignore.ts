// The files `atk deploy` uploads: the project tree less what .webappignore names. Only
// root-anchored rules ("/name", "/dir/name", "*" within one name) are understood; an
// unanchored rule such as "src" would also drop dist/src, so rules() refuses it.
import * as fs from "node:fs";
import * as path from "node:path";

export function rules(text: string): RegExp[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      if (!l.startsWith("/") || l.startsWith("!")) throw new Error(`.webappignore: "${l}" is not anchored at the root (write /${l})`);
      const body = l.slice(1).replace(/\/+$/, "");
      const re = body.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*");
      return new RegExp(`^${re}(?:/|$)`);
    });
}

/** relative paths (with /) of every file that is uploaded; node_modules and .git are never walked */
export function shippedFiles(root: string, ignoreFile = path.join(root, ".webappignore")): string[] {
  const ignored = rules(fs.readFileSync(ignoreFile, "utf8"));
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (ignored.some((x) => x.test(r)) || r === "node_modules" || r === ".git") continue;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk("");
  return out.sort();
}
