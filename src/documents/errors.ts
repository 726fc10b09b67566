// One error type for reading an attached document: a stable code the bot turns into a
// message in the user's language, and whether trying again may help. Never carries the
// document's text or its download URL (which holds a token).
export type DocumentErrorCode =
  | "unsupported" // not a .txt, .docx or .pdf
  | "tooLarge" // over the size limit (download or unpacked)
  | "empty" // no text in it
  | "corrupt" // not a valid file of its type
  | "encrypted" // password-protected
  | "download" // the download failed (HTTP error, network)
  | "timeout" // the download or extraction took too long
  | "insecureUrl"; // not https (http is allowed only for local runs without auth)

export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    /** true when the same request may succeed later */
    readonly retryable = false,
  ) {
    super(`document: ${code}`);
    this.name = "DocumentError";
  }
}
