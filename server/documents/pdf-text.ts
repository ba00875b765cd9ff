import type { jsPDF } from 'jspdf';

// The characters of WinAnsiEncoding, the only ones the standard PDF fonts (Helvetica) can show.
const winAnsiExtras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const typographicSpaces = /[\u2000-\u200A\u202F\u205F\u3000]/g;

const isWinAnsi = (character: string): boolean => {
  const code = character.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.includes(character);
};

/**
 * Text the standard fonts can draw: Intl's narrow and thin spaces become plain ones, the minus sign
 * a hyphen, line breaks spaces, and any other character outside WinAnsi a "?" rather than a wrong glyph.
 */
export function toWinAnsi(text: string): string {
  const plain = text.replace(typographicSpaces, ' ').replace(/\u2212/g, '-').replace(/\s*[\r\n]+\s*/g, ' ');
  let result = '';
  for (const character of plain) result += isWinAnsi(character) ? character : '?';
  return result;
}

/** The text, cut with an ellipsis where it would overflow `width` points in the document's current font. */
export function fitText(doc: jsPDF, text: string, width: number): string {
  const safe = toWinAnsi(text);
  if (doc.getTextWidth(safe) <= width) return safe;
  // The longest prefix that fits with its ellipsis, by halving: long cells would make a linear search slow.
  let fits = 0;
  let overflows = safe.length;
  while (overflows - fits > 1) {
    const middle = (fits + overflows) >> 1;
    if (doc.getTextWidth(`${safe.slice(0, middle)}…`) <= width) fits = middle;
    else overflows = middle;
  }
  return `${safe.slice(0, fits).trimEnd()}…`;
}

export type TextFitter = (text: string, width: number) => string;

// A table repeats values (dates, statuses, amounts): measuring each distinct one once saves most of
// the measuring. Bounded, so a table of all-distinct values cannot grow it without end.
const maxRemembered = 20_000;

/** `fitText` for one document, remembering what it fitted. */
export function textFitter(doc: jsPDF): TextFitter {
  const fitted = new Map<string, string>();
  return (text, width) => {
    const key = `${width}\u0000${text}`;
    let result = fitted.get(key);
    if (result === undefined) {
      result = fitText(doc, text, width);
      if (fitted.size < maxRemembered) fitted.set(key, result);
    }
    return result;
  };
}
