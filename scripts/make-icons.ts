// Writes appPackage/color.png (192x192, full colour) and appPackage/outline.png
// (32x32, white on transparent), as Teams requires. Run: npx tsx scripts/make-icons.ts
import * as fs from "node:fs";
import * as path from "node:path";
import { projectRoot } from "../src/project-root";
import { encodePng } from "./icons/png";
import { minus, render, roundRect, stroke, union, type Rgba } from "./icons/draw";

export const ACCENT: Rgba = [31, 90, 166, 255]; // #1F5AA6, also the manifest's accentColor
const WHITE: Rgba = [255, 255, 255, 255];
const CHECK: Rgba = [46, 160, 67, 255];

export function colorIcon(): Buffer {
  const page = roundRect(0.3, 0.2, 0.7, 0.8, 0.04);
  const lines = union(stroke(0.38, 0.33, 0.62, 0.33, 0.035), stroke(0.38, 0.42, 0.62, 0.42, 0.035), stroke(0.38, 0.51, 0.52, 0.51, 0.035));
  const check = union(stroke(0.47, 0.66, 0.55, 0.74, 0.07), stroke(0.55, 0.74, 0.75, 0.52, 0.07));
  return encodePng(
    192,
    192,
    render(192, [
      { shape: roundRect(0, 0, 1, 1, 0.18), color: ACCENT },
      { shape: page, color: WHITE },
      { shape: lines, color: ACCENT },
      { shape: union(stroke(0.47, 0.66, 0.55, 0.74, 0.11), stroke(0.55, 0.74, 0.75, 0.52, 0.11)), color: WHITE },
      { shape: check, color: CHECK },
    ]),
  );
}

export function outlineIcon(): Buffer {
  // an outlined page with a check: white strokes on a transparent background
  const frame = minus(roundRect(0.2, 0.1, 0.8, 0.9, 0.08), roundRect(0.3, 0.2, 0.7, 0.8, 0.03));
  const check = union(stroke(0.36, 0.55, 0.47, 0.66, 0.1), stroke(0.47, 0.66, 0.66, 0.38, 0.1));
  return encodePng(32, 32, render(32, [{ shape: union(frame, check), color: WHITE }]));
}

if (require.main === module) {
  const dir = path.join(projectRoot(), "appPackage");
  fs.writeFileSync(path.join(dir, "color.png"), colorIcon());
  fs.writeFileSync(path.join(dir, "outline.png"), outlineIcon());
  process.stdout.write(`wrote ${dir}/color.png and outline.png\n`);
}
