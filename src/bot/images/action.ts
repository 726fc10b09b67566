// "Skapa märkt kopia": the action's data carries where the image is (never its bytes), so
// the bot keeps nothing between the check and the copy. Validated here (zod); the URL is
// checked again against the accepted hosts (./sources.ts) before anything is fetched.
import { z } from "zod";
import { imageSourceSchema, type ImageSource } from "./sources";

export const IMAGE_COPY_VERB = "imageLabelCopy";

export const imageCopyData = z.object({ source: imageSourceSchema, lang: z.enum(["sv", "en"]).optional() });
export type ImageCopyRequest = z.infer<typeof imageCopyData>;

const submit = imageCopyData.extend({ verb: z.literal(IMAGE_COPY_VERB) });
const invoke = z.object({ action: z.object({ type: z.literal("Action.Execute"), verb: z.literal(IMAGE_COPY_VERB), data: imageCopyData }) });

export function parseImageCopySubmit(value: unknown): ImageCopyRequest | undefined {
  const r = submit.safeParse(value);
  return r.success ? { source: r.data.source, lang: r.data.lang } : undefined;
}

export function parseImageCopyInvoke(value: unknown): ImageCopyRequest | undefined {
  const r = invoke.safeParse(value);
  return r.success ? r.data.action.data : undefined;
}

/** the data a card's button carries (name dropped when absent, so the card stays small) */
export function copyActionData(source: ImageSource, lang: "sv" | "en"): ImageCopyRequest {
  return { source: source.name ? { kind: source.kind, url: source.url, name: source.name } : { kind: source.kind, url: source.url }, lang };
}
