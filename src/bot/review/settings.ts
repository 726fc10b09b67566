// Limits for reading attached files, from config (REVIEW_FILE_MAX_MB, REVIEW_DOWNLOAD_TIMEOUT_MS).
export interface ReviewSettings {
  /** largest attachment downloaded, in bytes */
  maxFileBytes: number;
  /** download plus extraction, in milliseconds */
  downloadTimeoutMs: number;
  /** http:// download URLs allowed (local runs without Bot Framework auth only) */
  allowHttpDownloads: boolean;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { maxFileBytes: 10 * 1024 * 1024, downloadTimeoutMs: 15_000, allowHttpDownloads: false };
