// Teams icons: color.png 192x192 full colour, outline.png 32x32 white on transparent.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { pngPixels } from "../support/png";

const dir = path.join(projectRoot(), "appPackage");

describe("app icons", () => {
  it("color.png is a 192x192 PNG in full colour", () => {
    const { info, rgba } = pngPixels(fs.readFileSync(path.join(dir, "color.png")));
    assert.deepEqual([info.width, info.height], [192, 192]);
    let coloured = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b, a] = rgba.subarray(i, i + 4);
      if (a === 255 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
    assert.ok(coloured > (192 * 192) / 2, `mostly coloured pixels (${coloured})`);
  });

  it("outline.png is a 32x32 PNG, white on a transparent background", () => {
    const { info, rgba } = pngPixels(fs.readFileSync(path.join(dir, "outline.png")));
    assert.deepEqual([info.width, info.height], [32, 32]);
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b, a] = rgba.subarray(i, i + 4);
      if (a === 0) transparent++;
      else {
        assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is white`);
        opaque++;
      }
    }
    assert.ok(opaque > 50 && transparent > 300, `has both ink (${opaque}) and transparency (${transparent})`);
  });
});
