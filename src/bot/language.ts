// One language per person (issue 14): the language of what the user writes decides; a
// message that says nothing about its language ("policy", "ok", "Copilot?", a card's
// button) keeps the user's earlier choice in this conversation, then Teams' locale, then
// the pack's language. The decision is made once per turn (PolicyBot.run) and every
// handler reads it from the turn (turnLang), so a journey's cards all speak it.
import type { TurnContext } from "botbuilder";
import { langFromLocale, type LocaleLang } from "../locales";
import type { ConversationSettings } from "../state/conversations";
import { BoundedMap } from "../util/bounded-map";
import type { SettingsStore } from "./conversation-packs";

/** users whose language is remembered: an entry is two ids and two letters */
export const LANGUAGES_MAX = 20_000;

// function words as in the policy engine's detector (src/policy/analysis/language.ts), plus
// the words people greet and give commands with, so "hej", "hjälp" and "help" count
const SV_WORDS = new Set(
  `och att det som jag är på för med inte får kan ska måste vad hur vem när var vilken vilka om till av
   eller men har hen han hon vi ni de dom min mitt mina sig jobbet nån något några typ också även bara
   behöver gäller går gör vill skulle kunde finns en ett den detta denna
   hej hejsan hallå tjena tja hjälp hjalp granska rapportera anmäl ansök ansok tack ja nej`.split(/\s+/),
);
const EN_WORDS = new Set(
  `the and is are to of in for with not can may must should what how who when where which do does did
   i my we our you your it this that a an be allowed need if on or use using have has about any there
   am was were would could will they their me
   hi hello hey help review report request thanks thank yes no`.split(/\s+/),
);
// spelled the same in both languages: they prove nothing
const SHARED = new Set(["i", "a", "in", "be", "hen", "man", "on", "ai", "policy", "ok"]);

/** the language a text is written in, or undefined when it gives no evidence either way */
export function textLanguage(text: string): LocaleLang | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let sv = /[åäö]/i.test(text) ? 2 : 0;
  let en = 0;
  for (const w of words) {
    if (SHARED.has(w)) continue;
    if (SV_WORDS.has(w)) sv++;
    if (EN_WORDS.has(w)) en++;
  }
  if (sv === en) return undefined;
  return en > sv ? "en" : "sv";
}

/** users of one conversation whose language its settings keep (the oldest choice goes first) */
export const LANGUAGES_PER_CONVERSATION = 500;

/**
 * each user's latest language per conversation: kept in the conversation's settings in the
 * state store (shared by instances, read at the start of each turn: use()), with memory as
 * a bounded cache; without a store, in memory only (a restart falls back to the locale)
 */
export class UserLanguages {
  private readonly chosen: BoundedMap<string, LocaleLang>;

  constructor(
    max = LANGUAGES_MAX,
    private readonly store?: SettingsStore,
    private readonly onError?: (e: unknown) => void,
  ) {
    this.chosen = new BoundedMap({ max });
  }

  private static key(ctx: TurnContext): string {
    return `${ctx.activity.conversation?.id ?? ""}\n${ctx.activity.from?.id ?? ""}`;
  }

  /** the conversation's settings as read at the start of a turn: this user's stored choice */
  use(ctx: TurnContext, settings: ConversationSettings): void {
    const lang = settings.langs?.[ctx.activity.from?.id ?? ""];
    if (lang === "sv" || lang === "en") this.chosen.set(UserLanguages.key(ctx), lang);
  }

  /** saves a changed choice for every instance; not awaited by the turn (a lost write costs one turn in the locale's language) */
  private save(ctx: TurnContext, lang: LocaleLang): void {
    const conversationId = ctx.activity.conversation?.id;
    const userId = ctx.activity.from?.id;
    if (!this.store || !conversationId || !userId) return;
    void this.store
      .updateSettings(conversationId, (cur) => {
        if (cur.langs?.[userId] === lang) return undefined;
        const langs = { ...cur.langs };
        delete langs[userId];
        langs[userId] = lang;
        for (const k of Object.keys(langs).slice(0, Math.max(0, Object.keys(langs).length - LANGUAGES_PER_CONVERSATION))) delete langs[k];
        return { ...cur, langs };
      })
      .catch((e: unknown) => this.onError?.(e));
  }

  /**
   * Decides this turn's language: `said` (a command's own language, or the text's) first,
   * then the remembered choice, then Teams' locale, then the pack's language. Remembers `said`.
   */
  decide(ctx: TurnContext, said: LocaleLang | undefined, packLang: LocaleLang): LocaleLang {
    const key = UserLanguages.key(ctx);
    if (said && this.chosen.get(key) !== said) this.save(ctx, said);
    if (said) this.chosen.set(key, said);
    const locale = ctx.activity.locale;
    const lang = said ?? this.chosen.get(key) ?? (typeof locale === "string" && locale !== "" ? langFromLocale(locale) : packLang);
    ctx.turnState.set(TURN_LANG, lang);
    return lang;
  }

  get size(): number {
    return this.chosen.size;
  }
}

const TURN_LANG = Symbol("policybot.turnLang");

/** the language decided for this turn; Teams' locale when no decision was made (proactive turns) */
export function turnLang(ctx: TurnContext): LocaleLang {
  const l = ctx.turnState?.get(TURN_LANG) as LocaleLang | undefined;
  return l ?? langFromLocale(ctx.activity.locale);
}
