import type { SendMailOptions } from 'nodemailer';
import type { MailMessage } from './mailer.ts';

/** The portal's message as nodemailer takes it, dated by the portal's clock. */
export const toNodemailerMessage = (message: MailMessage, from: string, date: Date): SendMailOptions => ({
  from,
  to: message.to,
  subject: message.subject,
  text: message.text,
  ...(message.html !== undefined && { html: message.html }),
  ...(message.attachments && { attachments: message.attachments }),
  date,
});
