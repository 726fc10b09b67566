// Minimal typed subset of Adaptive Cards 1.5 that Policybot uses. Cards are built
// from these types only, so a typo in an element name fails to compile, and tests
// validate every builder's output against the published 1.5 schema.

export type TextSize = "small" | "default" | "medium" | "large" | "extraLarge";
export type TextWeight = "lighter" | "default" | "bolder";
export type TextColor = "default" | "dark" | "light" | "accent" | "good" | "warning" | "attention";
export type ContainerStyle = "default" | "emphasis" | "good" | "attention" | "warning" | "accent";
export type Spacing = "none" | "small" | "default" | "medium" | "large" | "extraLarge" | "padding";

export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap: true;
  size?: TextSize;
  weight?: TextWeight;
  color?: TextColor;
  isSubtle?: boolean;
  spacing?: Spacing;
  separator?: boolean;
  style?: "default" | "heading";
}

export interface FactSet {
  type: "FactSet";
  facts: Array<{ title: string; value: string }>;
  spacing?: Spacing;
}

export interface Container {
  type: "Container";
  items: Element[];
  /** for Action.ToggleVisibility */
  id?: string;
  isVisible?: boolean;
  style?: ContainerStyle;
  spacing?: Spacing;
  separator?: boolean;
  bleed?: boolean;
}

export interface Image {
  type: "Image";
  /** https, or a data URI (a picture made in the turn, sent inline) */
  url: string;
  altText?: string;
  size?: "auto" | "stretch" | "small" | "medium" | "large";
  horizontalAlignment?: "left" | "center" | "right";
  spacing?: Spacing;
}

export interface Column {
  type: "Column";
  width: "auto" | "stretch" | string;
  items: Element[];
  verticalContentAlignment?: "top" | "center" | "bottom";
}

export interface ColumnSet {
  type: "ColumnSet";
  columns: Column[];
  spacing?: Spacing;
  separator?: boolean;
}

export interface ActionSet {
  type: "ActionSet";
  actions: Action[];
  spacing?: Spacing;
}

/** a text field; its value comes back in the data of the card's Submit/Execute actions, under its id */
export interface InputText {
  type: "Input.Text";
  id: string;
  isMultiline?: boolean;
  /** prefilled text (e.g. a copy the user selects and copies) */
  value?: string;
  placeholder?: string;
  label?: string;
  maxLength?: number;
  spacing?: Spacing;
  isRequired?: boolean;
  errorMessage?: string;
}

/** fields every input of a form shares (AC 1.3+): the label is read out, isRequired marks it */
interface InputBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  /** shown by the client when its own check (isRequired, min/max) fails */
  errorMessage?: string;
  spacing?: Spacing;
}

/** a calendar date; submits "YYYY-MM-DD" */
export interface InputDate extends InputBase {
  type: "Input.Date";
  value?: string;
  min?: string;
  max?: string;
}

/** a time of day; submits "HH:mm" */
export interface InputTime extends InputBase {
  type: "Input.Time";
  value?: string;
}

export interface InputNumber extends InputBase {
  type: "Input.Number";
  value?: number;
  min?: number;
  max?: number;
  placeholder?: string;
}

/** a choice list; a multi-select submits its values joined by commas */
export interface InputChoiceSet extends InputBase {
  type: "Input.ChoiceSet";
  choices: Array<{ title: string; value: string }>;
  isMultiSelect?: boolean;
  style?: "compact" | "expanded" | "filtered";
  value?: string;
  placeholder?: string;
  wrap?: boolean;
}

/** a yes/no switch; submits valueOn / valueOff ("true" / "false" by default) */
export interface InputToggle extends InputBase {
  type: "Input.Toggle";
  title: string;
  value?: string;
  valueOn?: string;
  valueOff?: string;
  wrap?: boolean;
}

export type Element = TextBlock | Image | FactSet | Container | ColumnSet | ActionSet | InputText | InputDate | InputTime | InputNumber | InputChoiceSet | InputToggle;

export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: Record<string, unknown>;
  style?: "default" | "positive" | "destructive";
}

/** Universal Action: arrives as invoke `adaptiveCard/action`; falls back to Submit on older clients. */
export interface ExecuteAction {
  type: "Action.Execute";
  title: string;
  verb: string;
  data: Record<string, unknown>;
  style?: "default" | "positive" | "destructive";
  fallback?: SubmitAction;
}

/** opens a link (e.g. the SharePoint list item) */
export interface OpenUrlAction {
  type: "Action.OpenUrl";
  title: string;
  url: string;
}

/** shows or hides the elements named (AC 1.2+): long parts of a card stay folded on a phone */
export interface ToggleVisibilityAction {
  type: "Action.ToggleVisibility";
  title: string;
  targetElements: string[];
}

export type Action = SubmitAction | ExecuteAction | OpenUrlAction | ToggleVisibilityAction;

export interface AdaptiveCard {
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  type: "AdaptiveCard";
  version: "1.5";
  body: Element[];
  actions?: Action[];
  /** text shown in notifications and by screen readers when the card cannot render */
  fallbackText?: string;
  speak?: string;
  /** Universal Actions: the users listed (Teams user MRIs, at most 60) get their own view through this Execute */
  refresh?: CardRefresh;
}

export interface CardRefresh {
  action: Omit<ExecuteAction, "fallback">;
  userIds?: string[];
}

export function adaptiveCard(body: Element[], extra: { actions?: Action[]; fallbackText?: string } = {}): AdaptiveCard {
  const card: AdaptiveCard = { $schema: "http://adaptivecards.io/schemas/adaptive-card.json", type: "AdaptiveCard", version: "1.5", body };
  if (extra.actions && extra.actions.length > 0) card.actions = extra.actions;
  if (extra.fallbackText) card.fallbackText = extra.fallbackText;
  return card;
}

export function text(value: string, opts: Omit<TextBlock, "type" | "text" | "wrap"> = {}): TextBlock {
  return { type: "TextBlock", text: value, wrap: true, ...opts };
}

/**
 * A button that asks `text` (a question or a command) on the user's behalf: a plain
 * Action.Submit, which reaches the bot in channels too (an imBack there is a message
 * without an @mention, not for the bot) and which the Agents Playground runs (it fails on
 * messageBack). The title can stay short; the bot answers `text`.
 */
export function askButton(title: string, text: string): SubmitAction {
  return { type: "Action.Submit", title, data: { verb: "ask", text } };
}

/** Teams imBack: the button sends `value` as if the user typed it. */
export function imBack(title: string, value: string): SubmitAction {
  return { type: "Action.Submit", title, data: { msteams: { type: "imBack", value } } };
}

/** a folded part: a button that shows or hides `items`, hidden at first */
export function folded(id: string, title: string, items: Element[], spacing: Spacing = "medium"): Element[] {
  return [
    { type: "ActionSet", spacing, actions: [{ type: "Action.ToggleVisibility", title, targetElements: [id] }] },
    { type: "Container", id, isVisible: false, spacing: "small", items },
  ];
}
