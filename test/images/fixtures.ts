// Paths to the image corpus, from test/images (tsx) or dist/test/images (compiled).
import * as fs from "node:fs";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";

export const FIXTURES = path.join(projectRoot(), "test", "fixtures", "images");

export function fixture(rel: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, rel));
}

export function fixtureNames(dir: "real" | "generated"): string[] {
  return fs.readdirSync(path.join(FIXTURES, dir)).filter((n) => /\.(jpe?g|png|webp)$/i.test(n)).sort();
}
