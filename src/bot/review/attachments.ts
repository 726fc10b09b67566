// Files attached to a chat message, validated at the edge (zod). In 1:1 chats Teams sends
// `application/vnd.microsoft.teams.file.download.info` with a pre-authorised downloadUrl
// (the manifest's bots[].supportsFiles). Elsewhere a file arrives as a reference the bot
// cannot download without Graph.
import { z } from "zod";
import { documentKind, isImageType } from "../../documents";

export const FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";

const downloadInfo = z.object({
  contentType: z.literal(FILE_DOWNLOAD_INFO),
  name: z.string().max(1024).optional(),
  content: z.object({
    downloadUrl: z.string().min(1).max(16_384),
    fileType: z.string().max(32).optional(),
  }),
});

const named = z.object({ contentType: z.string().max(256), name: z.string().max(1024) });

export type AttachedFile =
  | { kind: "download"; name?: string; fileType?: string; downloadUrl: string }
  /** a document the bot cannot fetch (a channel's SharePoint reference) */
  | { kind: "unreachable" };

/** the first reviewable file of a message; images are left to the image check */
export function attachedFile(attachments: unknown): AttachedFile | undefined {
  if (!Array.isArray(attachments)) return undefined;
  for (const a of attachments) {
    const d = downloadInfo.safeParse(a);
    if (d.success) {
      if (isImageType(d.data.name, d.data.content.fileType)) continue;
      return { kind: "download", name: d.data.name, fileType: d.data.content.fileType, downloadUrl: d.data.content.downloadUrl };
    }
  }
  for (const a of attachments) {
    const n = named.safeParse(a);
    if (n.success && !n.data.contentType.startsWith("image/") && documentKind(n.data.name, undefined)) return { kind: "unreachable" };
  }
  return undefined;
}
