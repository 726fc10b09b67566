// help, policy (list) and policy <id> (switch for this conversation).
import type { TurnContext } from "botbuilder";
import { t, type LocaleLang } from "../../locales";
import type { BotDeps } from "../deps";
import { helpCard } from "../cards/help-card";
import { packListCard } from "../cards/pack-list-card";
import { sendCard, sendText } from "../send-card";

export async function handleHelp(ctx: TurnContext, deps: BotDeps, lang: LocaleLang): Promise<void> {
  const packId = deps.packs.get(ctx.activity.conversation.id);
  await sendCard(ctx, helpCard({ lang, packId, organisation: deps.library.get(packId).facts.organisation.name }));
  deps.log.info({ event: "help", lang }, "help sent");
}

export async function handleListPacks(ctx: TurnContext, deps: BotDeps, lang: LocaleLang): Promise<void> {
  const packs = deps.library.ids().map((id) => ({ id, organisation: deps.library.get(id).facts.organisation.name }));
  await sendCard(ctx, packListCard({ lang, packs, current: deps.packs.get(ctx.activity.conversation.id) }));
  deps.log.info({ event: "listPacks", count: packs.length }, "packs listed");
}

export async function handleSwitchPack(ctx: TurnContext, deps: BotDeps, lang: LocaleLang, packId: string): Promise<void> {
  const ids = deps.library.ids();
  if (!ids.includes(packId)) {
    await sendText(ctx, t(lang, "bot", "packs.unknown", { id: packId, ids: ids.join(", ") }));
    deps.log.info({ event: "switchPack", status: "unknown" }, "unknown pack");
    return;
  }
  try {
    await deps.packs.set(ctx.activity.conversation.id, packId);
  } catch (e) {
    await sendText(ctx, t(lang, "bot", "packs.saveFailed"));
    deps.log.warn({ event: "switchPack", status: "saveFailed", err: e instanceof Error ? e.name : "error" }, "pack choice not saved");
    return;
  }
  await sendText(ctx, t(lang, "bot", "packs.switched", { id: packId, organisation: deps.library.get(packId).facts.organisation.name }));
  deps.log.info({ event: "switchPack", status: "ok", packId }, "pack switched");
}
