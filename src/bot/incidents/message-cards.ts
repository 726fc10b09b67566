// Short cards: the start of a report (its button opens the form in a dialog), the offer to
// report (after a message that sounds like an incident), a refused submit (another user's
// card, a changed token, an old form) and a failure.
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, text, type AdaptiveCard, type ExecuteAction, type SubmitAction } from "../cards/adaptive-card";
import { INCIDENT_OPEN_VERB, openDialogData } from "./submits";
import { plain } from "./plain";

/** opens the form in a dialog (task/fetch); a client without dialogs gets it in the chat */
function openButton(lang: LocaleLang, titleKey: string): SubmitAction {
  return { type: "Action.Submit", title: t(lang, "incidents", titleKey), style: "positive", data: openDialogData(lang) };
}

/** the form in the chat instead, for a client that shows no dialogs (the Agents Playground, some older apps): it replaces the card */
function inChatButton(lang: LocaleLang): ExecuteAction {
  const title = t(lang, "incidents", "start.inChat");
  return { type: "Action.Execute", title, verb: INCIDENT_OPEN_VERB, data: { lang }, fallback: { type: "Action.Submit", title, data: { verb: INCIDENT_OPEN_VERB, lang } } };
}

/** "rapportera incident": what happens next and the buttons; the ~20 inputs stay in the dialog */
export function startCard(lang: LocaleLang, organisation: string): AdaptiveCard {
  const k = (key: string, vars?: Record<string, string>) => t(lang, "incidents", key, vars);
  return plain(
    adaptiveCard([text(k("form.title"), { weight: "bolder", size: "medium", style: "heading" }), text(k("start.body", { organisation }), { spacing: "small" })], {
      actions: [openButton(lang, "start.button"), inChatButton(lang)],
      fallbackText: k("form.title"),
    }),
  );
}

export function offerCard(lang: LocaleLang): AdaptiveCard {
  const k = (key: string) => t(lang, "incidents", key);
  return plain(adaptiveCard([text(k("offer.title"), { weight: "bolder", size: "medium" }), text(k("offer.body"), { spacing: "small" })], { actions: [openButton(lang, "offer.button"), inChatButton(lang)], fallbackText: k("offer.title") }));
}

export type RefusedReason = "forged" | "not-yours" | "expired";

export function refusedCard(lang: LocaleLang, reason: RefusedReason): AdaptiveCard {
  const k = (key: string) => t(lang, "incidents", key);
  return plain(
    adaptiveCard([text(k("refused.title"), { weight: "bolder", size: "medium", color: "attention" }), text(k(`refused.${reason}`), { spacing: "small" })], {
      actions: [openButton(lang, "refused.newForm"), inChatButton(lang)],
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
