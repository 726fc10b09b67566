// The "put the values back" action, validated at the edge (zod). The mapping travels in
// the card's own action data, so the bot holds nothing between the review and the restore.
import { z } from "zod";

export const RESTORE_VERB = "restoreValues";
/** the id of the Input.Text where the user pastes Copilot's answer */
export const RESTORE_INPUT = "copilotAnswer";
/** the id of the read-only-in-spirit copy field (it comes back with submits; ignored) */
export const COPY_INPUT = "redactedCopy";

export const MAX_RESTORE_CHARS = 100_000;
export const MAX_MAPPING_ENTRIES = 2000;

const mapping = z
  .record(z.string().regex(/^\[[A-Z_]{2,20} \d{1,5}\]$/), z.string().max(2000))
  .refine((m) => Object.keys(m).length <= MAX_MAPPING_ENTRIES, "too many placeholders");

export const restoreData = z.object({
  mapping,
  lang: z.enum(["sv", "en"]).optional(),
  /** where the card lives: a chat message (Execute) or a dialog (Submit) */
  surface: z.enum(["chat", "dialog"]).optional(),
  [RESTORE_INPUT]: z.string().max(MAX_RESTORE_CHARS).optional(),
});
export type RestoreRequest = z.infer<typeof restoreData>;

/** Action.Submit fallback in chat, and the dialog's Submit (value.data of composeExtension/submitAction) */
const restoreSubmit = restoreData.extend({ verb: z.literal(RESTORE_VERB) });

/** invoke adaptiveCard/action (Action.Execute) */
const restoreInvoke = z.object({ action: z.object({ type: z.literal("Action.Execute"), verb: z.literal(RESTORE_VERB), data: restoreData }) });

export function parseRestoreSubmit(value: unknown): RestoreRequest | undefined {
  const r = restoreSubmit.safeParse(value);
  if (!r.success) return undefined;
  const { verb: _verb, ...rest } = r.data;
  return rest;
}

export function parseRestoreInvoke(value: unknown): RestoreRequest | undefined {
  const r = restoreInvoke.safeParse(value);
  return r.success ? r.data.action.data : undefined;
}
