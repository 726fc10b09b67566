// Which extractor a file needs, from Teams' fileType or the file name's extension.
export type DocumentKind = "txt" | "docx" | "pdf";

const KINDS: Record<string, DocumentKind> = { txt: "txt", text: "txt", md: "txt", csv: "txt", docx: "docx", pdf: "pdf" };

/** the kind of a file, or undefined when it is not one the reviewer reads */
export function documentKind(name: string | undefined, fileType: string | undefined): DocumentKind | undefined {
  const ext = (fileType || /\.([A-Za-z0-9]{1,8})$/.exec(name ?? "")?.[1] || "").toLowerCase().replace(/^\./, "");
  return KINDS[ext];
}

/** file types Teams may attach that belong to another feature (the image check), not to review */
export function isImageType(name: string | undefined, fileType: string | undefined): boolean {
  const ext = (fileType || /\.([A-Za-z0-9]{1,8})$/.exec(name ?? "")?.[1] || "").toLowerCase();
  return ["png", "jpg", "jpeg", "gif", "webp", "heic", "heif", "avif", "tif", "tiff", "bmp"].includes(ext);
}
