import * as z from 'zod';
import { Address } from './address.ts';
import { CurrencyCode, Email, LocaleTag, PersonName } from './common.ts';

/** International-looking phone numbers: digits, spaces and ( ) . - /, an optional leading +. */
export const phonePattern = /^\+?[0-9][0-9 ().\-/]{3,28}[0-9]$/;

export const Contact = z
  .strictObject({
    name: PersonName,
    email: Email,
    phone: z
      .string()
      .trim()
      .regex(phonePattern, 'Use a phone number such as +1 415 555 0100.')
      .optional(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof Contact>;

export const CompanyName = z.string().trim().min(1, 'Enter the company name.').max(200);

export const Customer = z
  .object({
    id: z.string().describe('The host product’s id for this account.'),
    customerKey: z.string().describe('Human-friendly key support asks for, e.g. "CK-7KQ4-M9XA-2".'),
    companyName: z.string(),
    address: Address.nullable(),
    billingContact: Contact.nullable(),
    contacts: z.array(Contact),
    currency: CurrencyCode,
    locale: LocaleTag,
    updatedAt: z.string(),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof Customer>;

/** PATCH /v1/customer: send only what changes; `If-Match` with the ETag from GET is required. */
export const CustomerPatch = z
  .strictObject({
    companyName: CompanyName.optional(),
    address: Address.nullable().optional(),
    billingContact: Contact.nullable().optional(),
    contacts: z.array(Contact).max(20, 'At most 20 contacts.').optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.')
  .meta({ id: 'CustomerPatch' });
export type CustomerPatch = z.infer<typeof CustomerPatch>;
