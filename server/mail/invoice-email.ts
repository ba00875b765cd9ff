import type { InvoiceDetail } from '../../contract/invoice.ts';
import { dateFormatter, moneyFormatter } from '../documents/format.ts';
import { invoiceStatusLabel } from '../documents/labels.ts';
import type { CustomerRow } from '../store/schema.ts';
import type { MailAttachment, MailMessage } from './mailer.ts';

/** An invoice sent on request from the portal, its PDF attached. */
export function invoiceEmail(to: string[], customer: CustomerRow, vendorName: string, invoice: InvoiceDetail, pdf: MailAttachment): MailMessage {
  const money = moneyFormatter(invoice.currency, customer.locale);
  const date = dateFormatter(customer.locale);
  const owed =
    invoice.amountDue > 0
      ? `: ${money(invoice.amountDue)} due ${date(invoice.dueAt)}`
      : invoice.status === 'paid'
        ? ' (paid)'
        : invoice.status === 'void'
          ? ' (void)'
          : '';
  const lines = [
    `Please find attached invoice ${invoice.number} from ${vendorName} to ${customer.company_name}.`,
    '',
    `Invoice:       ${invoice.number}`,
    `Issued:        ${date(invoice.issuedAt)}`,
    `Due:           ${date(invoice.dueAt)}`,
    `Total:         ${money(invoice.total)}`,
    `Amount due:    ${money(invoice.amountDue)}`,
    `Status:        ${invoiceStatusLabel(invoice)}`,
    `Customer Key:  ${customer.customer_key}`,
    '',
    'You can see all your invoices, and pay what is due, in the Customer Portal.',
  ];
  return {
    to,
    // Names are free text; a line break in one must not end the header.
    subject: `Invoice ${invoice.number} from ${vendorName}${owed}`.replace(/\s+/g, ' '),
    text: `${lines.join('\n')}\n`,
    attachments: [pdf],
    customerId: customer.id,
  };
}
