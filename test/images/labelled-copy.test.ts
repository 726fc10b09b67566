import assert from "node:assert/strict";
import sharp from "sharp";
import { detectProvenance } from "../../src/images";
import { captionStrip, escapeXml, wrapCaption } from "../../src/images/caption-strip";
import { LabelError, makeLabelledCopy, TRAINED_ALGORITHMIC_MEDIA } from "../../src/images/labelled-copy";
import { walkJpeg } from "../../src/images/containers/jpeg";
import { walkPng } from "../../src/images/containers/png";
import { walkWebp } from "../../src/images/containers/webp";
import { fixture } from "./fixtures";

function xmpOf(b: Buffer, format: "jpeg" | "png" | "webp"): string[] {
  return (format === "jpeg" ? walkJpeg(b) : format === "png" ? walkPng(b) : walkWebp(b)).xmp;
}

const CAPTION = "Denna bild har genererats med hjälp av AI";

describe("images: caption strip", () => {
  it("wraps at word boundaries and splits over-long words", () => {
    assert.deepEqual(wrapCaption("Denna bild har genererats med hjälp av AI", 20), ["Denna bild har", "genererats med hjälp", "av AI"]);
    assert.deepEqual(wrapCaption("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    for (const line of wrapCaption("Lorem ipsum ".repeat(50), 30)) assert.ok([...line].length <= 30);
  });

  it("escapes XML so a caption cannot break out of the SVG", () => {
    assert.equal(escapeXml(`<a href="x">&'\u0001`), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    const s = captionStrip(`</text><script>alert(1)</script>`, 800);
    assert.ok(!s.svg.includes("<script>"));
  });

  it("scales the font with the width and grows the strip for long captions", () => {
    const narrow = captionStrip(CAPTION, 300);
    const wide = captionStrip(CAPTION, 3000);
    assert.ok(wide.fontSize > narrow.fontSize);
    assert.ok(wide.lines.length < narrow.lines.length);
    assert.ok(captionStrip(CAPTION.repeat(5), 300).height > narrow.height);
  });
});

describe("images: labelled copy", function () {
  this.timeout(30_000);

  for (const [file, format] of [
    ["real/openai-dalle-chatgpt_c2pa.webp", "webp"],
    ["real/microsoft-bing-image-creator_c2pa.jpg", "jpeg"],
    ["generated/ordinary_diagram.png", "png"],
  ] as const) {
    it(`${file}: keeps ${format}, adds a caption strip below, and the IPTC marker reads back as AI`, async () => {
      const input = fixture(file);
      const inMeta = await sharp(input).metadata();
      const copy = await makeLabelledCopy(input, CAPTION);
      assert.equal(copy.format, format);
      assert.equal(copy.converted, false);
      const meta = await sharp(copy.data).metadata();
      assert.equal(meta.format, format);
      assert.equal(meta.width, inMeta.width);
      assert.ok(meta.height! > inMeta.height!, "strip added below");
      assert.equal(copy.height, meta.height);

      // the strip holds dark text on white: its darkest pixel is dark, its mean is light
      const stripPixels = await sharp(copy.data).extract({ left: 0, top: inMeta.height!, width: meta.width!, height: meta.height! - inMeta.height! }).toBuffer();
      const strip = await sharp(stripPixels).stats();
      assert.ok(strip.channels[0].min < 80, `darkest ${strip.channels[0].min}`);
      assert.ok(strip.channels[0].mean > 180, `mean ${strip.channels[0].mean}`);

      const r = detectProvenance(copy.data);
      assert.equal(r.verdict, "ai");
      assert.ok(r.evidence.some((e) => e.kind === "iptc" && e.detail.includes("trainedAlgorithmicMedia")));
      const xmp = xmpOf(copy.data, format).join("");
      assert.ok(xmp.includes(`Iptc4xmpExt:DigitalSourceType="${TRAINED_ALGORITHMIC_MEDIA}"`), xmp);
      assert.ok(xmp.includes(CAPTION), "caption in dc:description");
    });
  }

  it("puts tiny images on a canvas wide enough to read the caption", async () => {
    const copy = await makeLabelledCopy(fixture("real/sd-a1111_parameters.png"), CAPTION);
    assert.ok(copy.width >= 320);
  });

  it("writes PNG for formats it cannot keep (GIF) and says so", async () => {
    const gif = await sharp({ create: { width: 200, height: 100, channels: 3, background: "#336699" } }).gif().toBuffer();
    const copy = await makeLabelledCopy(gif, CAPTION);
    assert.equal(copy.format, "png");
    assert.equal(copy.converted, true);
  });

  it("refuses non-images, damaged images and empty captions with a LabelError", async () => {
    await assert.rejects(makeLabelledCopy(Buffer.from("not an image"), CAPTION), LabelError);
    await assert.rejects(makeLabelledCopy(fixture("real/c2pa-rs_CA.jpg").subarray(0, 50_000), CAPTION), LabelError);
    await assert.rejects(makeLabelledCopy(fixture("generated/ordinary_diagram.png"), "  "), LabelError);
  });

  it("turns the picture upright (EXIF orientation) before putting the caption under it", async () => {
    const rotated = await sharp({ create: { width: 300, height: 100, channels: 3, background: "#884422" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    assert.equal((await sharp(rotated).metadata()).orientation, 6);
    const copy = await makeLabelledCopy(rotated, CAPTION);
    const meta = await sharp(copy.data).metadata();
    assert.equal(meta.width, 320); // upright it is 100 wide, so it gets the minimum canvas
    assert.ok(meta.height! > 300);
  });
});
