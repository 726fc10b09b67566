// One error type for fetching an image: a stable code the bot turns into a message in the
// user's language (1:1) or into silence (channels). Never carries the URL (it may hold a token).
export type ImageFetchErrorCode =
  | "rejectedUrl" // not a host/path the bot fetches images from
  | "download" // HTTP error or network failure
  | "timeout" // took longer than the limit
  | "tooLarge" // over IMAGE_MAX_MB
  | "unreachable"; // a channel file reference the bot cannot read without Graph

export class ImageFetchError extends Error {
  constructor(
    readonly code: ImageFetchErrorCode,
    /** true when the same request may succeed later */
    readonly retryable = false,
  ) {
    super(`image: ${code}`);
    this.name = "ImageFetchError";
  }
}
