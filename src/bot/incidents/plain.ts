// Card builders leave optional fields undefined; a card is JSON, so drop them (the
// schema check and Teams both see exactly what is sent).
export function plain<T>(card: T): T {
  return JSON.parse(JSON.stringify(card)) as T;
}
