// The labelled copy, as a card holding the picture inline (a data URI). A card because the
// Playground shows no bare image attachment ("image/png is not supported yet") and Teams
// shows both; inline because the bot keeps no copy to link to. Teams takes about 28 KB a
// message, so the picture gets what the card leaves of that (copyBudget).
import { adaptiveCard, text, type AdaptiveCard } from "./adaptive-card";

/** a card's JSON at most: Teams' ~28 KB per message, less room for the activity around it */
export const COPY_CARD_MAX_BYTES = 26_000;

export interface ImageCopyCardData {
  /** what the copy is: format, size, the caption's source (one paragraph each) */
  lines: string[];
  mime: string;
  /** the encoded copy; empty to measure the card around it */
  data: Buffer;
  /** the caption, also the picture's alternative text */
  caption: string;
}

export function imageCopyCard(d: ImageCopyCardData): AdaptiveCard {
  const url = `data:${d.mime};base64,${d.data.toString("base64")}`;
  return adaptiveCard([...d.lines.map((l, i) => text(l, { spacing: i ? "small" : "none" })), { type: "Image", url, altText: d.caption, size: "auto", spacing: "medium" }], { fallbackText: d.lines[0] });
}

/** the most bytes the encoded copy may have so the card stays within COPY_CARD_MAX_BYTES (base64 takes 4 bytes for 3) */
export function copyBudget(around: Omit<ImageCopyCardData, "data">): number {
  // the lines are measured with room for the figures filled in after encoding
  const skeleton = Buffer.byteLength(JSON.stringify(imageCopyCard({ ...around, lines: around.lines.map((l) => `${l}${"0".repeat(24)}`), data: Buffer.alloc(0) })), "utf8");
  return Math.max(0, Math.floor(((COPY_CARD_MAX_BYTES - skeleton) * 3) / 4));
}
