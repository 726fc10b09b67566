// The corpus bar: every marked AI image found, with the right generator where the
// file names one; no ordinary image flagged.
import assert from "node:assert/strict";
import { detectProvenance } from "../../src/images";
import { fixture, fixtureNames } from "./fixtures";

interface Expectation {
  verdict: "ai" | "likely" | "unknown";
  generator?: string;
  format: string;
  /** an evidence detail that must be present (substring) */
  evidence?: string;
  notes?: string[];
}

const EXPECTED: Record<string, Expectation> = {
  "real/openai-dalle-chatgpt_c2pa.webp": { verdict: "ai", generator: "DALL·E", format: "webp", evidence: "ingredient manifest: c2pa.created by \"DALL·E\", digitalSourceType trainedAlgorithmicMedia" },
  "real/microsoft-bing-image-creator_c2pa.jpg": { verdict: "ai", generator: "Image Creator from Designer (Microsoft)", format: "jpeg", evidence: "Microsoft_Responsible_AI/1.0" },
  "real/adobe-firefly-photoshop_c2pa.jpg": { verdict: "ai", generator: "Adobe Firefly", format: "jpeg", evidence: "compositeWithTrainedAlgorithmicMedia" },
  "real/sd-a1111_parameters.png": { verdict: "ai", generator: "Stable Diffusion", format: "png", evidence: "AUTOMATIC1111" },
  "real/sd-comfyui_prompt-workflow.png": { verdict: "ai", generator: "ComfyUI", format: "png", evidence: "ComfyUI node graph" },
  "real/sd-novelai_text-chunks.png": { verdict: "ai", generator: "NovelAI", format: "png", evidence: "\"Software\" = \"NovelAI\"" },
  "real/c2pa-rs_100kb-signed_caBX.png": { verdict: "unknown", format: "png", evidence: "algorithmicMedia (not generative AI)", notes: ["declared-not-ai", "signature-not-verified"] },
  "real/c2pa-rs_C.jpg": { verdict: "unknown", format: "jpeg", evidence: "algorithmicMedia", notes: ["declared-not-ai"] },
  "real/c2pa-rs_CA.jpg": { verdict: "unknown", format: "jpeg", evidence: "make_test_images" },
  "real/c2pa-rs_C_with_CAWG_data.jpg": { verdict: "unknown", format: "jpeg", evidence: "digitalCapture" },
  "real/c2pa-js_remote-manifest_xmp-provenance.jpg": { verdict: "unknown", format: "jpeg", evidence: "cai-manifests.adobe.com", notes: ["remote-manifest"] },
  "real/c2pa-ts_trustnxt-icon-signed-timestamp.jpg": { verdict: "unknown", format: "jpeg", evidence: "c2pa-ts" },
  "real/c2pa-rs_P1000827_no_c2pa.jpg": { verdict: "unknown", format: "jpeg", evidence: "Adobe Lightroom 5.3", notes: ["metadata-can-be-stripped"] },
  "generated/ai_iptc-trained_element.jpg": { verdict: "ai", generator: "Google AI", format: "jpeg", evidence: "DigitalSourceType trainedAlgorithmicMedia" },
  "generated/ai_iptc-composite_attribute.png": { verdict: "ai", format: "png", evidence: "DigitalSourceType compositeWithTrainedAlgorithmicMedia" },
  "generated/ai_iptc-trained_resource.webp": { verdict: "ai", format: "webp", evidence: "DigitalSourceType trainedAlgorithmicMedia" },
  "generated/not-ai_iptc-algorithmicmedia.jpg": { verdict: "unknown", format: "jpeg", evidence: "algorithmicMedia (not generative AI)", notes: ["declared-not-ai"] },
  "generated/ordinary_iptc-digitalcapture.jpg": { verdict: "unknown", format: "jpeg", evidence: "digitalCapture" },
  "generated/ordinary_diagram.png": { verdict: "unknown", format: "png", notes: ["no-provenance", "metadata-can-be-stripped"] },
  "generated/ordinary_iphone-screenshot.jpg": { verdict: "unknown", format: "jpeg", evidence: "iOS 17.4.1" },
  "generated/ordinary_android-screenshot.webp": { verdict: "unknown", format: "webp", evidence: "S911BXXU3BWK5" },
  "generated/ordinary_windows-screenshot.png": { verdict: "unknown", format: "png", evidence: "Windows 11 Snipping Tool" },
  "generated/ordinary_photoshop-edit.jpg": { verdict: "unknown", format: "jpeg", evidence: "Adobe Photoshop 25.5" },
  "generated/ordinary_gimp-export.png": { verdict: "unknown", format: "png", evidence: "GIMP 2.10" },
};

describe("images: provenance corpus", () => {
  it("has an expectation for every corpus file and a file for every expectation", () => {
    const files = [...fixtureNames("real").map((n) => `real/${n}`), ...fixtureNames("generated").map((n) => `generated/${n}`)].sort();
    assert.deepEqual(files, Object.keys(EXPECTED).sort());
  });

  for (const [file, want] of Object.entries(EXPECTED)) {
    it(`${file}: ${want.verdict}${want.generator ? ` (${want.generator})` : ""}`, () => {
      const r = detectProvenance(fixture(file));
      assert.equal(r.verdict, want.verdict, JSON.stringify(r.evidence));
      assert.equal(r.format, want.format);
      if (want.generator) assert.equal(r.generator, want.generator);
      if (want.verdict === "unknown") assert.equal(r.generator, undefined);
      if (want.evidence) assert.ok(r.evidence.some((e) => e.detail.includes(want.evidence!)), JSON.stringify(r.evidence, null, 1));
      for (const n of want.notes ?? []) assert.ok(r.notes.includes(n as never), `note ${n} in ${r.notes}`);
      assert.equal(r.error, undefined);
    });
  }

  it("finds 100% of marked AI images and flags no ordinary one", () => {
    const entries = Object.entries(EXPECTED);
    const ai = entries.filter(([, w]) => w.verdict === "ai");
    const ordinary = entries.filter(([, w]) => w.verdict === "unknown");
    const found = ai.filter(([f]) => detectProvenance(fixture(f)).verdict === "ai");
    const flagged = ordinary.filter(([f]) => detectProvenance(fixture(f)).verdict !== "unknown");
    assert.equal(ai.length, 9);
    assert.equal(found.length, ai.length);
    assert.deepEqual(flagged.map(([f]) => f), []);
  });

  it("reports AI evidence before context", () => {
    const r = detectProvenance(fixture("real/openai-dalle-chatgpt_c2pa.webp"));
    assert.equal(r.evidence[0].weight, "ai");
    assert.equal(r.evidence.at(-1)!.weight, "info");
  });
});
