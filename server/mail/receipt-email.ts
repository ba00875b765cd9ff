import type { Payment } from '../../contract/payment.ts';
import { moneyFormatter } from '../documents/format.ts';
import type { CustomerRow } from '../store/schema.ts';
import type { MailMessage } from './mailer.ts';

/** The receipt for a succeeded payment, in the account's locale for amounts. */
export function receiptEmail(to: string[], customer: CustomerRow, payment: Payment): MailMessage {
  const amount = moneyFormatter(payment.currency, customer.locale);
  const lines = [
    `Thank you: we received ${amount(payment.amount)} from ${customer.company_name}.`,
    '',
    `Paid with:     ${payment.paymentMethod.label}`,
    `Date:          ${payment.occurredAt.slice(0, 10)}`,
    `Reference:     ${payment.reference}`,
    `Customer Key:  ${customer.customer_key}`,
    '',
    'Invoices paid:',
    ...payment.invoices.map((invoice) => `  ${invoice.number.padEnd(14)} ${amount(invoice.amount)}`),
    '',
    'You can see this payment and download your invoices in the Customer Portal.',
  ];
  return {
    to,
    subject: `Payment received: ${amount(payment.amount)} (${customer.company_name})`,
    text: lines.join('\n'),
    customerId: customer.id,
  };
}
