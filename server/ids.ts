import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so keys read aloud over the phone survive. */
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += crockford[byte & 31];
  return out;
}

/** Resource ids: a readable prefix and 20 random base32 characters (100 bits), e.g. "inv_8K2M…". */
export const newId = (prefix: string): string => `${prefix}_${randomBase32(20).toLowerCase()}`;

/**
 * A Customer Key support can take over the phone: "CK-" + three groups of four Crockford base32
 * characters, the last a Luhn mod 32 check character, so a mistyped key is caught rather than
 * matching nothing (every single-character error and most swaps of neighbours).
 */
export function newCustomerKey(): string {
  const body = randomBase32(11);
  return `CK-${`${body}${checkCharacter(body)}`.match(/.{4}/g)!.join('-')}`;
}

function checkCharacter(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let index = body.length - 1; index >= 0; index--) {
    const addend = factor * crockford.indexOf(body[index]!);
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return crockford[(32 - (sum % 32)) % 32]!;
}

/** For support tooling: true for a well-formed Customer Key whose check character fits (case-insensitive). */
export function isValidCustomerKey(key: string): boolean {
  const match = /^CK-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})$/.exec(key.trim().toUpperCase());
  if (!match) return false;
  const characters = match.slice(1).join('');
  return checkCharacter(characters.slice(0, 11)) === characters[11];
}
