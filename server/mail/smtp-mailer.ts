import { createTransport } from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Mailer } from './mailer.ts';
import { toNodemailerMessage } from './nodemailer-message.ts';

// A user waits on some of these sends, so a dead server must fail in seconds, not nodemailer's minutes.
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Sends through the SMTP server PORTAL_SMTP_URL names; options in its query string win over the timeouts. */
export function smtpMailer(options: { url: string; from: string; clock: Clock }): Mailer {
  const transport = createTransport({ ...timeouts, url: options.url });
  return {
    async send(message) {
      await transport.sendMail(toNodemailerMessage(message, options.from, options.clock.now()));
    },
  };
}
