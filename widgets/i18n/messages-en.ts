/**
 * The English catalogue: every text the elements show. Partners override any entry through the
 * `messages` property; `{name}` placeholders are filled in at render time.
 */
export const en = {
  // Shared by every element
  'common.retry': 'Try again',
  'common.reload': 'Reload',
  'common.edit': 'Edit',
  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.cancel': 'Cancel',
  'common.loading': 'Loading…',
  'common.optional': '{label} (optional)',
  'common.errorReference': 'Reference for support: {requestId}',
  'error.notConfigured': 'This part of the billing portal is not connected: it needs an api-base and a token provider.',
  'error.network': 'The billing portal could not be reached. Check your connection and try again.',
  'error.unauthorized': 'Your session has ended. Sign in again to continue.',
  'error.forbidden': 'You need the Customer Portal View permission for this. Ask your Site Admin to grant it.',
  'error.notProvisioned': 'Your account is not set up for the billing portal yet. Please contact support.',
  'error.validation': 'Some fields need attention.',
  'error.rateLimited': 'Too many attempts. Wait a moment, then try again.',
  'error.unavailable': 'The billing portal is busy. Try again in a moment.',
  'error.generic': 'Something went wrong. Try again; if it keeps happening, contact support.',

  // <portal-customer-info>
  'customerInfo.title': 'My Customer Information',
  'customerInfo.customerKey': 'Customer Key',
  'customerInfo.customerKeyHint': 'Support asks for this key when you contact them.',
  'customerInfo.copyKey': 'Copy Customer Key',
  'customerInfo.keyCopied': 'Customer Key copied.',
  'customerInfo.keyCopyFailed': 'Could not copy. Select the key and copy it by hand.',
  'customerInfo.companyName': 'Company name',
  'customerInfo.address': 'Address',
  'customerInfo.noAddress': 'No address on file.',
  'customerInfo.line1': 'Street address',
  'customerInfo.line2': 'Apartment, suite, floor',
  'customerInfo.city': 'City',
  'customerInfo.region': 'State / province / region',
  'customerInfo.region.US': 'State',
  'customerInfo.region.CA': 'Province',
  'customerInfo.region.AU': 'State / territory',
  'customerInfo.postalCode': 'Postal code',
  'customerInfo.postalCode.US': 'ZIP code',
  'customerInfo.postalCode.GB': 'Postcode',
  'customerInfo.country': 'Country',
  'customerInfo.billingContact': 'Billing contact',
  'customerInfo.noBillingContact': 'No billing contact on file.',
  'customerInfo.otherContacts': 'Other contacts',
  'customerInfo.noOtherContacts': 'No other contacts.',
  'customerInfo.contactName': 'Name',
  'customerInfo.contactEmail': 'Email',
  'customerInfo.contactPhone': 'Phone',
  'customerInfo.addContact': 'Add contact',
  'customerInfo.removeContact': 'Remove contact {number}',
  'customerInfo.contactNumber': 'Contact {number}',
  'customerInfo.editTitle': 'Edit customer information',
  'customerInfo.saved': 'Customer information saved.',
  'customerInfo.conflict':
    'Someone else saved changes to this information after you opened it. Reload to see their version, then make your change again. Your edits are still in the form.',

  // <portal-subscriptions>
  'subscriptions.title': 'My Subscriptions',

  // <portal-access>
  'access.title': 'Customer Portal access',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
