import type { Contact, Customer } from '../../contract/customer.ts';
import type { Address } from '../../contract/address.ts';
import { newId } from '../ids.ts';
import type { PortalDb } from './database.ts';
import { precompiledQuery } from './precompiled-query.ts';
import type { ContactsTable, CustomerRow, CustomerUpdate } from './schema.ts';

export interface CustomerRecord {
  row: CustomerRow;
  contacts: ContactsTable[];
}

// Precompiled: signing in reads the account on every request.
const customerQuery = precompiledQuery<{ customerId: string }, CustomerRow>((db, param) =>
  db.selectFrom('customers').selectAll().where('id', '=', param('customerId')),
);

export async function findCustomer(db: PortalDb, customerId: string): Promise<CustomerRow | undefined> {
  const [customer] = await customerQuery(db, { customerId });
  return customer;
}

export async function findCustomerRecord(db: PortalDb, customerId: string): Promise<CustomerRecord | undefined> {
  const row = await findCustomer(db, customerId);
  if (!row) return undefined;
  const contacts = await db
    .selectFrom('contacts')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('position')
    .execute();
  return { row, contacts };
}

export async function insertCustomer(db: PortalDb, row: Omit<CustomerRow, 'version'>): Promise<void> {
  await db.insertInto('customers').values(row).execute();
}

/** Applies a change only if the row is still at `expectedVersion`; false when someone else saved first. */
export async function updateCustomerIfVersion(
  db: PortalDb,
  customerId: string,
  expectedVersion: number,
  change: CustomerUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('customers')
    .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
    .where('id', '=', customerId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Replaces the account's contacts: the billing contact first, then the others in order. */
export async function replaceContacts(
  db: PortalDb,
  customerId: string,
  billingContact: Contact | null,
  others: Contact[],
): Promise<void> {
  await db.deleteFrom('contacts').where('customer_id', '=', customerId).execute();
  const rows = [
    ...(billingContact ? [{ contact: billingContact, role: 'billing' as const }] : []),
    ...others.map((contact) => ({ contact, role: 'other' as const })),
  ].map(({ contact, role }, position) => ({
    id: newId('con'),
    customer_id: customerId,
    role,
    position,
    name: contact.name,
    email: contact.email,
    phone: contact.phone ?? null,
  }));
  if (rows.length > 0) await db.insertInto('contacts').values(rows).execute();
}

export const addressColumns = (address: Address | null) => ({
  address_line1: address?.line1 ?? null,
  address_line2: address?.line2 ?? null,
  address_city: address?.city ?? null,
  address_region: address?.region ?? null,
  address_postal_code: address?.postalCode ?? null,
  address_country: address?.country ?? null,
});

function toAddress(row: CustomerRow): Address | null {
  if (!row.address_line1 || !row.address_city || !row.address_country) return null;
  return {
    line1: row.address_line1,
    ...(row.address_line2 && { line2: row.address_line2 }),
    city: row.address_city,
    ...(row.address_region && { region: row.address_region }),
    ...(row.address_postal_code && { postalCode: row.address_postal_code }),
    country: row.address_country,
  };
}

const toContact = (contact: ContactsTable): Contact => ({
  name: contact.name,
  email: contact.email,
  ...(contact.phone && { phone: contact.phone }),
});

export function toCustomer({ row, contacts }: CustomerRecord): Customer {
  const billing = contacts.find((contact) => contact.role === 'billing');
  return {
    id: row.id,
    customerKey: row.customer_key,
    companyName: row.company_name,
    address: toAddress(row),
    billingContact: billing ? toContact(billing) : null,
    contacts: contacts.filter((contact) => contact.role === 'other').map(toContact),
    currency: row.currency,
    locale: row.locale,
    updatedAt: row.updated_at,
  };
}

/** The billing contact's address, if the account has one. */
export async function findBillingContactEmail(db: PortalDb, customerId: string): Promise<string | undefined> {
  const contact = await db
    .selectFrom('contacts')
    .select('email')
    .where('customer_id', '=', customerId)
    .where('role', '=', 'billing')
    .executeTakeFirst();
  return contact?.email;
}
