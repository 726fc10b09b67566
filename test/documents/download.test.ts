// Downloading an attachment: size and time bounded, https only unless allowed, redirects
// checked hop by hop, and errors that never carry the URL (it holds a token).
import * as assert from "node:assert/strict";
import { DocumentError, downloadFile } from "../../src/documents";
import { FileServer } from "../support/file-server";

const opts = { maxBytes: 1024 * 1024, timeoutMs: 2000, allowHttp: true };

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof DocumentError && e.code === code && !e.message.includes("tempauth"), `expected DocumentError ${code}`);
}

describe("documents: download", () => {
  const files = new FileServer();
  before(() => files.start());
  after(() => files.stop());

  it("returns the bytes", async () => {
    const body = Buffer.from("hej på dig");
    const got = await downloadFile(files.serve("a.txt", { body }), opts);
    assert.ok(Buffer.from(got).equals(body));
  });

  it("refuses http unless allowed (only local runs without auth allow it), and non-http schemes always", async () => {
    await rejectsWith(downloadFile(files.serve("a.txt", { body: Buffer.from("x") }), { ...opts, allowHttp: false }), "insecureUrl");
    await rejectsWith(downloadFile("file:///etc/passwd", opts), "insecureUrl");
    await rejectsWith(downloadFile("not a url", opts), "download");
  });

  it("stops at the size limit, with or without Content-Length", async () => {
    const big = Buffer.alloc(300 * 1024, 65);
    await rejectsWith(downloadFile(files.serve("big.txt", { body: big }), { ...opts, maxBytes: 100 * 1024 }), "tooLarge");
    await rejectsWith(downloadFile(files.serve("big.txt", { body: big, chunked: true }), { ...opts, maxBytes: 100 * 1024 }), "tooLarge");
  });

  it("times out a slow server", async () => {
    await rejectsWith(downloadFile(files.serve("slow.txt", { body: Buffer.from("x"), delayMs: 1500 }), { ...opts, timeoutMs: 300 }), "timeout");
  });

  it("maps HTTP errors to download (retryable for 5xx)", async () => {
    await assert.rejects(downloadFile(files.serve("gone.txt", { status: 404 }), opts), (e: unknown) => e instanceof DocumentError && e.code === "download" && !e.retryable);
    await assert.rejects(downloadFile(files.serve("err.txt", { status: 503 }), opts), (e: unknown) => e instanceof DocumentError && e.code === "download" && e.retryable);
  });

  it("follows a redirect, but not one to a forbidden scheme", async () => {
    const target = files.serve("real.txt", { body: Buffer.from("innehåll") });
    const got = await downloadFile(files.serve("moved.txt", { redirect: target }), opts);
    assert.equal(Buffer.from(got).toString("utf8"), "innehåll");
    await rejectsWith(downloadFile(files.serve("evil.txt", { redirect: "file:///etc/passwd" }), opts), "insecureUrl");
    await rejectsWith(downloadFile(files.serve("downgrade.txt", { redirect: target }), { ...opts, allowHttp: false }), "insecureUrl");
  });
});
