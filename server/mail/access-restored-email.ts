import type { CustomerRow } from '../store/schema.ts';
import type { MailMessage } from './mailer.ts';

/** Sent once when an account that was past due or locked is back in good standing. */
export function accessRestoredEmail(to: string[], customer: CustomerRow): MailMessage {
  const lines = [
    `Thank you: we received your payment, and ${customer.company_name} is in good standing again.`,
    'Everyone at your company can sign in and work as usual.',
    '',
    `Customer Key:  ${customer.customer_key}`,
    '',
    'You can see your invoices and payments in the Customer Portal.',
  ];
  return {
    to,
    subject: `Payment received — access restored for ${customer.company_name}`.replace(/\s+/g, ' '),
    text: `${lines.join('\n')}\n`,
    customerId: customer.id,
  };
}
