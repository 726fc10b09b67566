// Text out of documents a user attaches for review (.txt, .docx, .pdf). Node-side, in
// memory only: nothing is written to disk, and the text goes back to the caller alone.
import { DocumentError } from "./errors";
import { documentKind, type DocumentKind } from "./kind";
import { extractTxt } from "./txt";
import { extractDocx } from "./docx";
import { extractPdf } from "./pdf";

export { DocumentError, type DocumentErrorCode } from "./errors";
export { documentKind, isImageType, type DocumentKind } from "./kind";
export { downloadFile, type DownloadOptions } from "./download";

/** the document's text; throws DocumentError (unsupported, empty, corrupt, encrypted, tooLarge) */
export async function extractText(bytes: Uint8Array, kind: DocumentKind | undefined): Promise<string> {
  if (!kind) throw new DocumentError("unsupported");
  if (bytes.length === 0) throw new DocumentError("empty");
  const text = kind === "txt" ? extractTxt(bytes) : kind === "docx" ? extractDocx(bytes) : await extractPdf(bytes);
  if (text.trim() === "") throw new DocumentError("empty");
  return text;
}

/** convenience: kind from the name or Teams' fileType, then extractText */
export function extractFile(bytes: Uint8Array, name: string | undefined, fileType?: string): Promise<string> {
  return extractText(bytes, documentKind(name, fileType));
}
