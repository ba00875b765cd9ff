import type { Address } from '../../contract/address.ts';
import type { Contact, Customer, CustomerPatch } from '../../contract/customer.ts';

/** The edit form's contents: every field a string, so half-filled input is kept as typed. */
export interface CustomerDraft {
  companyName: string;
  address: Record<keyof Address, string>;
  billingContact: Record<keyof Contact, string>;
  contacts: Record<keyof Contact, string>[];
}

const emptyContact = (): Record<keyof Contact, string> => ({ name: '', email: '', phone: '' });

export const newContactDraft = emptyContact;

export function draftOf(customer: Customer): CustomerDraft {
  const contactDraft = (contact: Contact | null) => ({ ...emptyContact(), ...contact });
  return {
    companyName: customer.companyName,
    address: { line1: '', line2: '', city: '', region: '', postalCode: '', country: '', ...customer.address },
    billingContact: contactDraft(customer.billingContact),
    contacts: customer.contacts.map(contactDraft),
  };
}

const isBlank = (fields: Record<string, string>) => Object.values(fields).every((value) => value.trim() === '');

/** Leaves out empty optional fields, so the server checks what the user actually filled in. */
function withoutEmpty<T extends Record<string, string>>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value.trim() !== '')) as T;
}

/**
 * The change to send: everything in the form; an address or billing contact left blank is removed.
 * Contacts keep their positions so the server's field paths (contacts.1.email) point at the right row.
 */
export function patchOf(draft: CustomerDraft): CustomerPatch {
  return {
    companyName: draft.companyName,
    address: isBlank(draft.address) ? null : (withoutEmpty(draft.address) as Address),
    billingContact: isBlank(draft.billingContact) ? null : (withoutEmpty(draft.billingContact) as Contact),
    contacts: draft.contacts.map((contact) => withoutEmpty(contact) as Contact),
  };
}
