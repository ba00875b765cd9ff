export type CardBrand = 'visa' | 'mastercard' | 'amex';

/** The card network, from the number's first digits (its issuer identification number). */
export function cardBrand(digits: string): CardBrand | null {
  if (/^4/.test(digits)) return 'visa';
  if (/^5[1-5]/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  return null;
}
