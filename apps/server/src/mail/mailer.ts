import { resolve } from 'node:path';
import type { Mailer } from '@puffy/api';
import type { AppConfig } from '../config';
import { createOutboxMailer } from './outbox-mailer';
import { createSmtpMailer } from './smtp-mailer';

/** SMTP when SMTP_URL is set; otherwise the outbox folder a developer opens (DATA_DIR/outbox). */
export function createMailer(config: Pick<AppConfig, 'mail' | 'database'>): Mailer {
  if (config.mail.smtpUrl) return createSmtpMailer({ url: config.mail.smtpUrl, from: config.mail.from });
  return createOutboxMailer({ dir: resolve(config.database.dataDir, 'outbox'), from: config.mail.from });
}
