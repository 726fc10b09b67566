// Limits for the image check, from config (IMAGE_MAX_MB, IMAGE_COPY_MAX_KB, REVIEW_DOWNLOAD_TIMEOUT_MS).
export interface ImageSettings {
  /** largest image downloaded and checked, in bytes */
  maxFileBytes: number;
  /** largest labelled copy sent back (a data URI in a card), in bytes of the encoded image; the card's own limit may make it less */
  copyMaxBytes: number;
  /** one download, in milliseconds */
  downloadTimeoutMs: number;
  /** http:// URLs on loopback hosts allowed (local runs without Bot Framework auth only) */
  allowHttpDownloads: boolean;
}

export const DEFAULT_IMAGE_SETTINGS: ImageSettings = { maxFileBytes: 25 * 1024 * 1024, copyMaxBytes: 18 * 1024, downloadTimeoutMs: 15_000, allowHttpDownloads: false };

/** at most this many images of one message are checked: a bound on work per turn */
export const MAX_IMAGES_PER_MESSAGE = 4;
