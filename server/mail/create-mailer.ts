import type { Clock } from '../clock.ts';
import type { PortalConfig } from '../config.ts';
import type { PortalDb } from '../store/database.ts';
import type { Mailer } from './mailer.ts';
import { outboxMailer } from './outbox-mailer.ts';
import { smtpMailer } from './smtp-mailer.ts';

/** SMTP when PORTAL_SMTP_URL is set, otherwise the embedded outbox. */
export const createMailer = (config: PortalConfig, db: PortalDb, clock: Clock): Mailer =>
  config.smtpUrl
    ? smtpMailer({ url: config.smtpUrl, from: config.mailFrom, clock })
    : outboxMailer({ db, clock, folder: config.outboxFolder, from: config.mailFrom });
