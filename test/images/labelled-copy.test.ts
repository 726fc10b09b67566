import assert from "node:assert/strict";
import sharp from "sharp";
import { detectProvenance } from "../../src/images";
import { captionStrip, escapeXml, wrapCaption } from "../../src/images/caption-strip";
import { LabelError, makeLabelledCopy, TRAINED_ALGORITHMIC_MEDIA } from "../../src/images/labelled-copy";
import { walkJpeg } from "../../src/images/containers/jpeg";
import { walkPng } from "../../src/images/containers/png";
import { walkWebp } from "../../src/images/containers/webp";
import { fixture, fixtureNames } from "./fixtures";

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

  describe("within a byte budget (a Teams message carries the copy)", () => {
    const BUDGET = 18 * 1024;
    for (const name of [...fixtureNames("real"), "../generated/ordinary_diagram.png"]) {
      it(`${name}: fits ${BUDGET / 1024} KB, keeps its format, the caption legible under it, still marked as AI`, async () => {
        const input = fixture(`real/${name}`);
        const inMeta = await sharp(input).metadata();
        const copy = await makeLabelledCopy(input, CAPTION, { maxBytes: BUDGET });
        assert.ok(copy.data.length <= BUDGET, `${copy.data.length} bytes`);
        const meta = await sharp(copy.data).metadata();
        assert.equal(meta.format, copy.format);
        assert.equal(copy.format, inMeta.format === "jpeg" || inMeta.format === "png" || inMeta.format === "webp" ? inMeta.format : "png");
        assert.equal(meta.width, copy.width);
        assert.equal(meta.height, copy.height);
        assert.equal(copy.scaled, copy.width < Math.max(inMeta.width!, 320), "scaled says whether the picture was made smaller");
        // legible: at least the narrowest canvas, a caption font of 12 px or more, the strip's height as laid out at that width
        assert.ok(copy.width >= Math.min(inMeta.width!, 320), `${copy.width} px wide`);
        const strip = captionStrip(CAPTION, copy.width);
        assert.ok(strip.fontSize >= 12, `font ${strip.fontSize} px`);
        const pictureHeight = copy.height - strip.height;
        const stripPixels = await sharp(copy.data).extract({ left: 0, top: pictureHeight, width: copy.width, height: strip.height }).toBuffer();
        const stats = await sharp(stripPixels).stats();
        assert.ok(stats.channels[0].min < 90 && stats.channels[0].mean > 170, `strip min ${stats.channels[0].min}, mean ${stats.channels[0].mean}`);
        assert.equal(detectProvenance(copy.data).verdict, "ai");
      });
    }

    it("a picture that fits as it is stays as it is (lossless PNG, full size)", async () => {
      const input = fixture("real/sd-a1111_parameters.png");
      const copy = await makeLabelledCopy(input, CAPTION, { maxBytes: BUDGET });
      assert.equal(copy.scaled, false);
      assert.deepEqual(copy, await makeLabelledCopy(input, CAPTION));
    });

    it("a copy that cannot fit legibly is refused with the smallest copy's size, never a smaller caption", async () => {
      // 320 px wide and 3,000 tall of noise: no quality brings it under 4 KB
      const noise = Buffer.alloc(320 * 3_000 * 3);
      let x = 7;
      for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      const tall = await sharp(noise, { raw: { width: 320, height: 3_000, channels: 3 } }).jpeg().toBuffer();
      const err = await makeLabelledCopy(tall, CAPTION, { maxBytes: 4 * 1024 }).then(
        () => assert.fail("no copy expected"),
        (e: unknown) => e,
      );
      assert.ok(err instanceof LabelError);
      assert.ok((err.tooLargeKb ?? 0) > 4, `${err.tooLargeKb} KB`);
    });
  });
});
