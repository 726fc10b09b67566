// Errors of the policy capability, with stable codes from one place.

export type PackErrorCode =
  /** a pack folder or one of its required files does not exist */
  | "PACK_FILE_MISSING"
  /** pack.json / faq.json is not valid JSON */
  | "PACK_JSON_SYNTAX"
  /** pack.json / faq.json does not match the schema */
  | "PACK_SCHEMA"
  /** policy.md breaks the pack's Markdown format */
  | "PACK_MARKDOWN"
  /** a citation names a section the policy does not have */
  | "PACK_SECTION_NOT_FOUND"
  /** a citation names a rule letter the section does not have */
  | "PACK_RULE_NOT_FOUND"
  /** a citation's quote is not verbatim text of the cited passage */
  | "PACK_QUOTE_NOT_FOUND"
  /** two packs (or two faq entries) share an id, or the id does not match its folder */
  | "PACK_DUPLICATE_ID"
  | "PACK_ID_MISMATCH";

export interface PackIssue {
  /** dotted path into the file, e.g. "facts.approvals.aiUse.role" or "[3].citations[0].quote"; "" for the whole file */
  field: string;
  message: string;
  /** 1-based line in the file, when known */
  line?: number;
}

/**
 * a pack that cannot be loaded. The message names the file and the field so the
 * organisation writing its own pack can fix it without reading code:
 *   policies/hjo/pack.json: facts.approvals.aiUse.role: expected one of nearest-manager|...
 */
export class PackError extends Error {
  readonly code: PackErrorCode;
  /** the file at fault, as shown (relative to the project root when inside it) */
  readonly file: string;
  /** the first issue's field path */
  readonly field: string;
  readonly issues: PackIssue[];

  constructor(code: PackErrorCode, file: string, issues: PackIssue | PackIssue[]) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map((i) => formatIssue(file, i)).join("\n"));
    this.name = "PackError";
    this.code = code;
    this.file = file;
    this.field = list[0]?.field ?? "";
    this.issues = list;
  }
}

function formatIssue(file: string, i: PackIssue): string {
  const where = i.line !== undefined ? `${file}:${i.line}` : file;
  return i.field ? `${where}: ${i.field}: ${i.message}` : `${where}: ${i.message}`;
}

/** an unknown pack id was asked for; the message lists the ids that exist. */
export class PackNotFoundError extends Error {
  readonly code = "PACK_NOT_FOUND" as const;
  readonly packId: string;
  readonly known: string[];

  constructor(packId: string, known: string[]) {
    super(`unknown policy pack "${packId}"; known packs: ${known.length ? known.join(", ") : "(none)"}`);
    this.name = "PackNotFoundError";
    this.packId = packId;
    this.known = known;
  }
}
