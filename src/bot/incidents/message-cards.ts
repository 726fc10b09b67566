// Short cards: the offer to report (after a message that sounds like an incident), a
// refused submit (another user's card, a changed token, an old form) and a failure.
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, text, type AdaptiveCard, type ExecuteAction } from "../cards/adaptive-card";
import { INCIDENT_OPEN_VERB } from "./submits";
import { plain } from "./plain";

function openButton(lang: LocaleLang, titleKey: string): ExecuteAction {
  const title = t(lang, "incidents", titleKey);
  const data = { lang };
  return { type: "Action.Execute", title, verb: INCIDENT_OPEN_VERB, data, style: "positive", fallback: { type: "Action.Submit", title, data: { verb: INCIDENT_OPEN_VERB, ...data } } };
}

export function offerCard(lang: LocaleLang): AdaptiveCard {
  const k = (key: string) => t(lang, "incidents", key);
  return plain(adaptiveCard([text(k("offer.title"), { weight: "bolder", size: "medium" }), text(k("offer.body"), { spacing: "small" })], { actions: [openButton(lang, "offer.button")], fallbackText: k("offer.title") }));
}

export type RefusedReason = "forged" | "not-yours" | "expired";

export function refusedCard(lang: LocaleLang, reason: RefusedReason): AdaptiveCard {
  const k = (key: string) => t(lang, "incidents", key);
  return plain(
    adaptiveCard([text(k("refused.title"), { weight: "bolder", size: "medium", color: "attention" }), text(k(`refused.${reason}`), { spacing: "small" })], {
      actions: [openButton(lang, "refused.newForm")],
      fallbackText: k("refused.title"),
    }),
  );
}

/** the failure's code goes to the log, not to the user */
export function failedCard(lang: LocaleLang, contact: string): AdaptiveCard {
  const k = (key: string, vars?: Record<string, string>) => t(lang, "incidents", key, vars);
  return plain(
    adaptiveCard(
      [
        text(k("failed.title"), { weight: "bolder", size: "medium", color: "attention" }),
        text(k("failed.body", { contact }), { spacing: "small" }),
      ],
      { fallbackText: k("failed.title") },
    ),
  );
}
