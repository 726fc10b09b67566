// Images on an incoming message, validated at the edge (zod). Teams sends a pasted image
// as `image/*` with a contentUrl on the Bot Connector (plus a text/html twin that is only
// layout), and, in 1:1 chats, an image sent as a file as `…teams.file.download.info` with a
// pre-authorised downloadUrl. In channels and group chats a file is a SharePoint
// reference the bot cannot read without Graph.
import { z } from "zod";
import { isImageType } from "../../documents";
import { FILE_DOWNLOAD_INFO } from "../review/attachments";
import { MAX_IMAGES_PER_MESSAGE } from "./settings";
import type { ImageSource } from "./sources";

const inline = z.object({
  contentType: z.string().regex(/^image\/[\w.+*-]+$/i),
  contentUrl: z.string().min(1).max(16_384),
  name: z.string().max(1024).optional(),
});

const fileInfo = z.object({
  contentType: z.literal(FILE_DOWNLOAD_INFO),
  name: z.string().max(1024).optional(),
  content: z.object({ downloadUrl: z.string().min(1).max(16_384), fileType: z.string().max(32).optional() }),
});

const reference = z.object({ contentType: z.string().max(256), contentUrl: z.string().max(16_384).optional(), name: z.string().max(1024) });

export type FoundImage = { kind: "source"; source: ImageSource } | { kind: "unreachable" };

/** the images of a message, in order, at most MAX_IMAGES_PER_MESSAGE */
export function imagesOf(attachments: unknown): FoundImage[] {
  if (!Array.isArray(attachments)) return [];
  const out: FoundImage[] = [];
  for (const a of attachments) {
    if (out.length >= MAX_IMAGES_PER_MESSAGE) break;
    const i = inline.safeParse(a);
    if (i.success) {
      // data: URLs (a client embedding the bytes) are not fetched: nothing to download
      if (!i.data.contentUrl.startsWith("data:")) out.push({ kind: "source", source: { kind: "inline", url: i.data.contentUrl, name: i.data.name } });
      continue;
    }
    const f = fileInfo.safeParse(a);
    if (f.success) {
      if (isImageType(f.data.name, f.data.content.fileType)) out.push({ kind: "source", source: { kind: "file", url: f.data.content.downloadUrl, name: f.data.name } });
      continue;
    }
    const r = reference.safeParse(a);
    if (r.success && r.data.contentType !== "text/html" && !r.data.contentType.startsWith("application/vnd.microsoft.card") && isImageType(r.data.name, undefined)) out.push({ kind: "unreachable" });
  }
  return out;
}
