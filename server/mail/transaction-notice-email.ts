import type { Transaction } from '../../contract/transaction.ts';
import { dateTimeFormatter, moneyFormatter } from '../documents/format.ts';
import type { CustomerRow } from '../store/schema.ts';
import type { MailMessage } from './mailer.ts';

/**
 * The message for a transaction that is not a succeeded payment (those get the receipt): a failed
 * attempt with its reason, a refund, or a credit.
 */
export function transactionNoticeEmail(to: string[], customer: CustomerRow, transaction: Transaction): MailMessage {
  const money = moneyFormatter(transaction.currency, customer.locale);
  const when = dateTimeFormatter(customer.locale)(transaction.occurredAt);
  const amount = money(transaction.amount);
  const invoiceLines = transaction.invoices.map((invoice) => `  ${invoice.number.padEnd(14)} ${money(invoice.amount)}`);
  const details = [
    ...(transaction.methodLabel ? [`Method:        ${transaction.methodLabel}`] : []),
    `Date:          ${when}`,
    `Reference:     ${transaction.reference}`,
    `Customer Key:  ${customer.customer_key}`,
  ];
  const [subject, lines] = ((): [string, string[]] => {
    switch (transaction.kind) {
      case 'failed_payment':
        return [
          `Payment attempt failed: ${amount} (${customer.company_name})`,
          [
            `A payment of ${amount} from ${customer.company_name} did not go through, so nothing was charged.`,
            '',
            `Reason:        ${transaction.failureReason ?? 'The payment processor declined it.'}`,
            ...details,
            ...(invoiceLines.length > 0 ? ['', 'It was meant to pay:', ...invoiceLines] : []),
            '',
            'You can pay with another payment method in the Customer Portal.',
          ],
        ];
      case 'refund':
        return [
          `Refund issued: ${amount} (${customer.company_name})`,
          [`We refunded ${amount} to ${customer.company_name}, to the payment method it was taken from.`, '', ...details],
        ];
      case 'credit':
        return [
          `Credit applied: ${amount} (${customer.company_name})`,
          [
            `A credit of ${amount} was applied to the account of ${customer.company_name}.`,
            '',
            ...details,
            ...(invoiceLines.length > 0 ? ['', 'Applied to:', ...invoiceLines] : []),
          ],
        ];
      case 'payment':
        throw new Error('A payment is confirmed by its receipt, not by a notice.');
    }
  })();
  return {
    to,
    subject: subject.replace(/\s+/g, ' '),
    text: `${[...lines, '', 'You can see every transaction in the Customer Portal.'].join('\n')}\n`,
    customerId: customer.id,
  };
}
