// The caption strip as SVG: pure string work, kept apart from sharp so it is tested directly.

export interface StripLayout {
  svg: string;
  height: number;
  fontSize: number;
  lines: string[];
}

/** average advance of DejaVu/Liberation Sans glyphs, in em, rounded up so lines never overflow */
const CHAR_EM = 0.6;

export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "") // not allowed in XML 1.0
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** greedy word wrap to at most maxChars per line; words longer than a line are split */
export function wrapCaption(caption: string, maxChars: number): string[] {
  const width = Math.max(4, Math.floor(maxChars));
  const lines: string[] = [];
  let line = "";
  for (const raw of caption.trim().split(/\s+/).filter(Boolean)) {
    let word = raw;
    while ([...word].length > width) {
      if (line) { lines.push(line); line = ""; }
      const chars = [...word];
      lines.push(chars.slice(0, width).join(""));
      word = chars.slice(width).join("");
    }
    if (!word) continue;
    if (!line) line = word;
    else if ([...line].length + 1 + [...word].length <= width) line += ` ${word}`;
    else { lines.push(line); line = word; }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/** a white strip as wide as the image, the caption centred in dark text, font size relative to width */
export function captionStrip(caption: string, imageWidth: number): StripLayout {
  const width = Math.max(1, Math.round(imageWidth));
  const fontSize = Math.max(10, Math.min(72, Math.round(width * 0.04)));
  const pad = Math.round(fontSize * 0.6);
  const maxChars = Math.max(4, (width - 2 * pad) / (fontSize * CHAR_EM));
  const lines = wrapCaption(caption, maxChars);
  const lineHeight = Math.round(fontSize * 1.3);
  const height = 2 * pad + lines.length * lineHeight;
  const texts = lines
    .map((l, i) => `<text x="${width / 2}" y="${pad + i * lineHeight + Math.round(fontSize * 1.0)}">${escapeXml(l)}</text>`)
    .join("");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<g font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif" font-size="${fontSize}" fill="#111111" text-anchor="middle">${texts}</g>` +
    `</svg>`;
  return { svg, height, fontSize, lines };
}
