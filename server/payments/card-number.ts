/** The Luhn (mod 10) check digit every card number ends in; `digits` holds only 0–9. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Digits, single spaces or dashes between them, as people write card numbers. */
const groupedDigits = /^\d(?:[ -]?\d)*$/;

/**
 * True for what looks like a card number: 13–19 digits (spaces or dashes between them allowed) that
 * pass Luhn, as a string or a JSON number.
 */
export function isCardNumberShaped(value: unknown): boolean {
  if (typeof value === 'number') {
    const magnitude = Math.abs(value);
    if (!Number.isInteger(magnitude) || magnitude < 1e12 || magnitude >= 1e19) return false;
    // Past 2^53 parsing has changed the digits, so Luhn cannot tell; no field takes such a number.
    return !Number.isSafeInteger(magnitude) || passesLuhn(String(magnitude));
  }
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text.length > 40 || !groupedDigits.test(text)) return false;
  const digits = text.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);
}
