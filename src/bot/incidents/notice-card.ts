// The notice the security channel (and the reporter's manager) gets: the reference,
// when, whether personal data and the IMY deadline, and a link to the list item.
// Never what was written: that is in the list, behind its permissions.
import type { IncidentNotice } from "../../notify/notifier";
import { t } from "../../locales";
import { adaptiveCard, text, type AdaptiveCard, type Element } from "../cards/adaptive-card";
import { formatInstant } from "./time-zone";
import { plain } from "./plain";

export function noticeCard(n: IncidentNotice, opts: { local: boolean }): AdaptiveCard {
  const k = (key: string, vars?: Record<string, string>) => t(n.lang, "incidents", key, vars);
  const title = k("notice.title", { reference: n.reference });
  const facts = [
    { title: k("notice.reportedAt"), value: formatInstant(n.reportedAt, n.timeZone, n.lang) },
    { title: k("notice.organisation"), value: n.organisation },
    {
      title: k("notice.personal"),
      value: n.personalData && n.imyDeadline ? k("notice.personalYes", { deadline: formatInstant(n.imyDeadline, n.timeZone, n.lang) }) : k("notice.personalNo"),
    },
  ];
  const body: Element[] = [text(title, { weight: "bolder", size: "medium" }), { type: "FactSet", facts, spacing: "small" }];
  if (n.filedLater) body.push(text(k("notice.filedLater"), { isSubtle: true, size: "small" }));
  if (!n.link) body.push(text(k(opts.local ? "notice.localNoLink" : "notice.noLink"), { isSubtle: true, size: "small" }));
  return plain(adaptiveCard(body, { actions: n.link ? [{ type: "Action.OpenUrl", title: k("notice.open"), url: n.link }] : [], fallbackText: title }));
}
