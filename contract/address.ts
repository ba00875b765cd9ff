import * as z from 'zod';

interface CountryRules {
  regionRequired: boolean;
  postalCode?: { pattern: RegExp; example: string };
}

/** Countries whose postal addresses have rules we check; others only need line1, city and country. */
const countryRules: Record<string, CountryRules> = {
  US: { regionRequired: true, postalCode: { pattern: /^\d{5}(-\d{4})?$/, example: '94105 or 94105-1234' } },
  CA: { regionRequired: true, postalCode: { pattern: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/, example: 'K1A 0B1' } },
  AU: { regionRequired: true, postalCode: { pattern: /^\d{4}$/, example: '2000' } },
  GB: { regionRequired: false, postalCode: { pattern: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/, example: 'SW1A 1AA' } },
  DE: { regionRequired: false, postalCode: { pattern: /^\d{5}$/, example: '10115' } },
  FR: { regionRequired: false, postalCode: { pattern: /^\d{5}$/, example: '75001' } },
  NL: { regionRequired: false, postalCode: { pattern: /^\d{4} ?[A-Za-z]{2}$/, example: '1011 AB' } },
};

const optionalLine = z.string().trim().max(200).optional();

export const Address = z
  .strictObject({
    line1: z.string().trim().min(1, 'Enter the street address.').max(200),
    line2: optionalLine,
    city: z.string().trim().min(1, 'Enter the city.').max(100),
    region: z.string().trim().max(100).optional().describe('State, province or county.'),
    postalCode: z.string().trim().max(20).optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166 country code such as "US".'),
  })
  .superRefine((address, ctx) => {
    const rules = countryRules[address.country];
    if (!rules) return;
    if (rules.regionRequired && !address.region) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'Enter the state or province.' });
    }
    if (rules.postalCode) {
      if (!address.postalCode) {
        ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'Enter the postal code.' });
      } else if (!rules.postalCode.pattern.test(address.postalCode)) {
        ctx.addIssue({
          code: 'custom',
          path: ['postalCode'],
          message: `Use a postal code like ${rules.postalCode.example}.`,
        });
      }
    }
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof Address>;
