import * as z from 'zod';
import { Address } from './address.ts';
import { CurrencyCode, Email, LocaleTag, PersonName } from './common.ts';
import { CompanyName, Contact, Customer } from './customer.ts';

/** Admin API body: POST /admin/v1/customers */
export const CustomerCreate = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'Use 1–64 letters, digits, ".", "_", ":" or "-".')
      .describe('The host product’s id for the account; tokens carry it as the `customer` claim.'),
    companyName: CompanyName,
    currency: CurrencyCode,
    locale: LocaleTag.default('en-US'),
    address: Address.optional(),
    billingContact: Contact.optional(),
    siteAdmin: z.strictObject({
      sub: z.string().min(1).max(255).describe('The Site Admin’s user id in the host product.'),
      name: PersonName,
      email: Email,
    }),
  })
  .meta({ id: 'CustomerCreate' });
export type CustomerCreate = z.infer<typeof CustomerCreate>;

export const ProvisionedCustomer = Customer.extend({
  siteAdmin: z.object({ sub: z.string(), name: z.string().nullable(), email: z.string().nullable() }),
}).meta({ id: 'ProvisionedCustomer' });
export type ProvisionedCustomer = z.infer<typeof ProvisionedCustomer>;
