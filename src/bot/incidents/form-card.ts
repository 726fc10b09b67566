// The incident report form: in a dialog (task module, Action.Submit: dialogs take no
// Universal Actions), or in the chat for clients without dialogs (Action.Execute with an
// Action.Submit fallback). Re-drawn with the user's input kept and an error under each
// field the service rejected.
import { INFO_KINDS, LIMITS, SEVERITIES, type FieldIssue } from "../../incidents";
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, text, type AdaptiveCard, type Element, type ExecuteAction, type SubmitAction } from "../cards/adaptive-card";
import { OTHER_TOOL } from "./form-fields";
import { INCIDENT_SUBMIT_VERB, type FormInputs, type InputId } from "./submits";
import { plain } from "./plain";

export interface FormCardData {
  lang: LocaleLang;
  organisation: string;
  timeZone: string;
  /** tool choices (the pack's known tools) */
  tools: string[];
  /** the form token from the service (carries the report id) */
  token: string;
  /** what the user typed, when the form is drawn again */
  values?: FormInputs;
  issues?: FieldIssue[];
  /** "YYYY-MM-DD" in the user's zone: the date pickers' max */
  today: string;
  /** where it is shown: the dialog (default) or the chat */
  surface?: "dialog" | "chat";
}

/** the longest text echoed back into an input (a card stays under Teams' ~28 KB) */
function keep(v: string | undefined, max: number): string | undefined {
  if (v === undefined || v === "") return undefined;
  return v.length > max ? v.slice(0, max) : v;
}

export function issueText(lang: LocaleLang, i: FieldIssue): string {
  const k = (key: string, vars?: Record<string, string | number>) => t(lang, "incidents", key, vars);
  switch (i.code) {
    case "too_long":
      return k("error.too_long", { limit: (i.limit ?? 0).toLocaleString(lang === "sv" ? "sv-SE" : "en-GB") });
    case "order":
      return k(`error.order.${i.field}`);
    case "future":
      return k("error.future");
    case "required":
      return k(i.field === "occurredAt" ? "error.requiredWhen" : "error.required");
    default:
      return k(/At$/.test(i.field) ? "error.invalidDate" : "error.invalid");
  }
}

export function formCard(d: FormCardData): AdaptiveCard {
  const k = (key: string, vars?: Record<string, string | number>) => t(d.lang, "incidents", key, vars);
  const v = d.values ?? {};
  const issues = d.issues ?? [];
  const errorFor = (field: string): Element[] => {
    const i = issues.find((x) => x.field === field);
    return i ? [text(issueText(d.lang, i), { color: "attention", size: "small", spacing: "none" })] : [];
  };
  const dateTime = (field: string, label: string, date: InputId, time: InputId, required: boolean, hint?: string): Element[] => [
    {
      type: "ColumnSet",
      spacing: "medium",
      columns: [
        { type: "Column", width: "stretch", items: [{ type: "Input.Date", id: date, label, value: keep(v[date], 10), max: field === "subjectsInformedAt" ? undefined : d.today, isRequired: required || undefined, errorMessage: required ? k("form.requiredDate") : undefined }] },
        { type: "Column", width: "stretch", items: [{ type: "Input.Time", id: time, label: k("form.time"), value: keep(v[time], 8), isRequired: required || undefined, errorMessage: required ? k("form.requiredTime") : undefined }] },
      ],
    },
    ...(hint ? [text(hint, { isSubtle: true, size: "small", spacing: "none" })] : []),
    ...errorFor(field),
  ];
  const longText = (field: keyof typeof LIMITS, id: InputId, label: string, opts: { required?: boolean; placeholder?: string; multiline?: boolean } = {}): Element[] => [
    {
      type: "Input.Text",
      id,
      label,
      isMultiline: opts.multiline ?? true,
      maxLength: LIMITS[field],
      value: keep(v[id], LIMITS[field]),
      placeholder: opts.placeholder,
      isRequired: opts.required || undefined,
      errorMessage: opts.required ? k("form.required") : undefined,
      spacing: "medium",
    },
    ...errorFor(field),
  ];
  const chosenTool = v.tool && (d.tools.includes(v.tool) || v.tool === OTHER_TOOL) ? v.tool : undefined;
  const kinds = (v.infoKinds ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter((x) => (INFO_KINDS as readonly string[]).includes(x))
    .join(",");

  const body: Element[] = [
    text(k("form.title"), { size: "large", weight: "bolder", style: "heading" }),
    text(k("form.intro", { organisation: d.organisation }), { spacing: "small" }),
  ];
  if (issues.length) body.push(text(k("form.errorSummary"), { color: "attention", weight: "bolder", spacing: "medium" }));
  body.push(
    ...longText("description", "description", k("form.what"), { required: true, placeholder: k("form.whatPlaceholder") }),
    ...dateTime("occurredAt", k("form.when"), "occurredDate", "occurredTime", true, k("form.timeZoneHint", { tz: d.timeZone })),
    {
      type: "Input.ChoiceSet",
      id: "tool",
      label: k("form.tool"),
      style: "compact",
      value: chosenTool,
      placeholder: k("form.toolPlaceholder"),
      choices: [...d.tools.map((x) => ({ title: x, value: x })), { title: k("form.toolOtherOption"), value: OTHER_TOOL }],
      spacing: "medium",
    },
    { type: "Input.Text", id: "toolOther", label: k("form.toolOther"), maxLength: LIMITS.tool, value: keep(v.toolOther, LIMITS.tool), spacing: "small" },
    ...errorFor("tool"),
    {
      type: "Input.ChoiceSet",
      id: "infoKinds",
      label: k("form.kinds"),
      isMultiSelect: true,
      style: "expanded",
      isRequired: true,
      errorMessage: k("form.requiredKinds"),
      value: kinds || undefined,
      choices: INFO_KINDS.map((x) => ({ title: k(`kind.${x}`), value: x })),
      spacing: "medium",
    },
    ...errorFor("infoKinds"),
    { type: "Input.Number", id: "peopleAffected", label: k("form.people"), min: 0, value: numberOrUndefined(v.peopleAffected), spacing: "medium" },
    ...errorFor("peopleAffected"),
    ...longText("actionsTaken", "actionsTaken", k("form.actions"), { placeholder: k("form.actionsPlaceholder") }),
    {
      type: "Container",
      separator: true,
      spacing: "large",
      items: [text(k("form.imyHeading"), { weight: "bolder" }), text(k("form.imyIntro"), { isSubtle: true, size: "small", spacing: "none" })],
    },
    ...dateTime("discoveredAt", k("form.discovered"), "discoveredDate", "discoveredTime", false, k("form.discoveredHint")),
    ...dateTime("endedAt", k("form.ended"), "endedDate", "endedTime", false, k("form.endedHint")),
    ...longText("dataSubjects", "dataSubjects", k("form.dataSubjects"), { multiline: false, placeholder: k("form.dataSubjectsPlaceholder") }),
    ...longText("likelyConsequences", "likelyConsequences", k("form.consequences")),
    {
      type: "Input.ChoiceSet",
      id: "severity",
      label: k("form.severity"),
      style: "compact",
      value: v.severity && (SEVERITIES as readonly string[]).includes(v.severity) ? v.severity : undefined,
      placeholder: k("form.severityPlaceholder"),
      choices: SEVERITIES.map((x) => ({ title: k(`severity.${x}`), value: x })),
      spacing: "medium",
    },
    ...errorFor("severity"),
    ...dateTime("subjectsInformedAt", k("form.informed"), "informedDate", "informedTime", false),
    ...longText("subjectsInformedNote", "subjectsInformedNote", k("form.informedNote")),
    text(k("form.privacy"), { isSubtle: true, size: "small", spacing: "large" }),
  );
  // anything the service flagged that has no place above (should not happen) still shows
  const placed = new Set(["description", "occurredAt", "discoveredAt", "endedAt", "tool", "infoKinds", "peopleAffected", "actionsTaken", "dataSubjects", "likelyConsequences", "severity", "subjectsInformedAt", "subjectsInformedNote"]);
  for (const i of issues.filter((x) => !placed.has(x.field))) body.push(text(issueText(d.lang, i), { color: "attention", size: "small" }));

  const title = k("form.submit");
  const fallback: SubmitAction = { type: "Action.Submit", title, style: "positive", data: { verb: INCIDENT_SUBMIT_VERB, token: d.token, lang: d.lang } };
  const submit: ExecuteAction | SubmitAction =
    d.surface === "chat" ? { type: "Action.Execute", title, verb: INCIDENT_SUBMIT_VERB, style: "positive", data: { token: d.token, lang: d.lang }, fallback } : fallback;
  return plain(adaptiveCard(body, { actions: [submit], fallbackText: k("form.title") }));
}

function numberOrUndefined(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === "") return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
