import type { Address } from '../../contract/address.ts';

const cityFirst = new Set(['US', 'CA', 'AU']);
const postcodeOwnLine = new Set(['GB', 'IE']);

/** An address as the lines a letter to that country carries, the country's name last. */
export function addressLines(address: Address, countryName: string): string[] {
  const { line1, line2, city, region, postalCode } = address;
  let locality: string[];
  if (cityFirst.has(address.country)) {
    locality = [[`${city}${region ? `, ${region}` : ''}`, postalCode].filter(Boolean).join(' ')];
  } else if (postcodeOwnLine.has(address.country)) {
    locality = [[city, region].filter(Boolean).join(', '), postalCode ?? ''];
  } else {
    locality = [[postalCode, city].filter(Boolean).join(' '), region ?? ''];
  }
  return [line1, line2 ?? '', ...locality, countryName].filter((line) => line !== '');
}
