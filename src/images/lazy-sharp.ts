// sharp (libvips, native) loaded at the first image that needs it, not at start: most
// processes never decode an image, and loading it adds to every cold start and to the
// memory of every instance.
import type SharpFn from "sharp";

let loaded: typeof SharpFn | undefined;

export const sharp = ((...args: Parameters<typeof SharpFn>) => {
  loaded ??= require("sharp") as typeof SharpFn;
  return loaded(...args);
}) as typeof SharpFn;
