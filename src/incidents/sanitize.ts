// Free text is cleaned once, at the edge. Stored as plain text: nothing here escapes
// HTML or OData, because nothing downstream interprets it (cards render TextBlocks,
// filters are built from validated ids only). What goes is what can corrupt or spoof.

import { trimLineEnds } from "../text/lines";

// C0 controls except tab and newline, DEL, C1 controls
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// bidirectional overrides and isolates: they can make stored text read differently than it is
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
// lone surrogates (invalid UTF-16): break JSON, SQLite text and SharePoint
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** multi-line text: CRLF to LF, controls removed, NFC, trailing spaces and blank-line runs trimmed */
export function cleanMultiline(s: string): string {
  const normalised = s.replace(/\r\n?/g, "\n").replace(CONTROLS, "").replace(BIDI, "").replace(LONE_SURROGATE, "").normalize("NFC");
  return trimLineEnds(normalised).replace(/\n{3,}/g, "\n\n").trim();
}

/** single-line text: as multi-line, and every run of whitespace becomes one space */
export function cleanLine(s: string): string {
  return cleanMultiline(s).replace(/\s+/g, " ");
}
