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
  style?: ContainerStyle;
  spacing?: Spacing;
  separator?: boolean;
  bleed?: boolean;
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

export type Element = TextBlock | FactSet | Container | ColumnSet | ActionSet;

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

export type Action = SubmitAction | ExecuteAction;

export interface AdaptiveCard {
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  type: "AdaptiveCard";
  version: "1.5";
  body: Element[];
  actions?: Action[];
  /** text shown in notifications and by screen readers when the card cannot render */
  fallbackText?: string;
  speak?: string;
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

/** Teams imBack: the button sends `value` as if the user typed it. */
export function imBack(title: string, value: string): SubmitAction {
  return { type: "Action.Submit", title, data: { msteams: { type: "imBack", value } } };
}
