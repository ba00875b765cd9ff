import { dateFormatter, moneyFormatter } from '../documents/format.ts';
import type { NoticeKind } from '../domain/dunning-schedule.ts';
import type { StandingFigures } from '../domain/standing.ts';
import type { CustomerRow } from '../store/schema.ts';
import type { MailMessage } from './mailer.ts';

export interface DunningEmail {
  to: string[];
  kind: NoticeKind;
  customer: CustomerRow;
  invoice: { number: string; dueAt: string; amountDue: number; currency: string };
  /** The account's standing on the day of the notice. */
  figures: StandingFigures;
  supportEmail: string | undefined;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const howToPay =
  'Anyone at your company with the Customer Portal View permission can pay by card or bank account in the Customer Portal.';

/** A reminder, due-date, overdue, final-warning or lock notice about one invoice, in the account's locale. */
export function dunningEmail({ to, kind, customer, invoice, figures, supportEmail }: DunningEmail): MailMessage {
  const money = moneyFormatter(invoice.currency, customer.locale);
  const date = dateFormatter(customer.locale);
  const company = customer.company_name;
  const invoiceLine = `invoice ${invoice.number} for ${money(invoice.amountDue)}`;
  const lockLine = figures.lockAt
    ? [`If the past-due balance is not paid, access for everyone at ${company} is locked on ${date(figures.lockAt)}.`]
    : [];
  const [subject, opening] = ((): [string, string[]] => {
    switch (kind) {
      case 'reminder':
        return [`Reminder: ${invoiceLine} is due on ${date(invoice.dueAt)}`, [`This is a reminder that ${invoiceLine} is due on ${date(invoice.dueAt)}.`]];
      case 'due':
        return [`Invoice ${invoice.number} for ${money(invoice.amountDue)} is due today`, [`${capitalized(invoiceLine)} is due today, ${date(invoice.dueAt)}.`]];
      case 'overdue':
        return [
          `Overdue: ${invoiceLine} was due on ${date(invoice.dueAt)}`,
          [`${capitalized(invoiceLine)} was due on ${date(invoice.dueAt)} and is not paid yet.`, ...lockLine],
        ];
      case 'final-warning':
        return [
          `Final notice: access for ${company} will be locked on ${date(figures.lockAt!)}`,
          [
            `${money(figures.pastDueAmount)} is past due. Unless it is paid, access for everyone at ${company} is locked on ${date(figures.lockAt!)}.`,
            'Users will then see only the lock screen when they sign in, until the balance is paid.',
          ],
        ];
      case 'locked':
        return [
          `Access locked: ${company} has ${money(figures.pastDueAmount)} past due`,
          [
            `Access for everyone at ${company} is locked since ${date(figures.lockAt!)}, because ${money(figures.pastDueAmount)} is past due.`,
            'Access comes back as soon as the payment clears.',
          ],
        ];
    }
  })();
  const lines = [
    ...opening,
    '',
    `Company:       ${company}`,
    `Customer Key:  ${customer.customer_key}`,
    `Invoice:       ${invoice.number}`,
    `Due date:      ${date(invoice.dueAt)}`,
    `Amount due:    ${money(invoice.amountDue)}`,
    ...(figures.pastDueAmount > 0 ? [`Past due:      ${money(figures.pastDueAmount)} in total`] : []),
    '',
    howToPay,
    ...(supportEmail ? [`Questions? Write to ${supportEmail}.`] : []),
  ];
  return {
    to,
    // Names are free text; a line break in one must not end the header.
    subject: subject.replace(/\s+/g, ' '),
    text: `${lines.join('\n')}\n`,
    customerId: customer.id,
  };
}
