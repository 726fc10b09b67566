// ANSI styling, only when writing to a terminal.
const wrap = (open: string, close: string) => (s: string, tty: boolean) => (tty ? `\u001b[${open}m${s}\u001b[${close}m` : s);

export const bold = wrap("1", "22");
export const dim = wrap("2", "22");
export const red = wrap("31", "39");
export const yellow = wrap("33", "39");
export const green = wrap("32", "39");
/** a highlighted span of a draft: reverse red on a terminal, ⟦…⟧ elsewhere */
export const highlight = (s: string, tty: boolean) => (tty ? `\u001b[41;97m${s}\u001b[0m` : `⟦${s}⟧`);
