import type { Mailer } from '@puffy/api';
import { UpstreamUnavailable } from '@puffy/api';
import { createTransport } from 'nodemailer';

/**
 * Mail through an SMTP server (production, and tests with a real SMTP server). A failed delivery
 * becomes "try again", never a success; the message text (codes inside) is never logged.
 */
export function createSmtpMailer(options: { url: string; from: string }): Mailer & { close(): void } {
  const transport = createTransport(options.url);
  return {
    async send(message) {
      try {
        await transport.sendMail({ from: options.from, ...message });
      } catch {
        throw new UpstreamUnavailable('We could not send the email just now. Please try again in a moment.');
      }
    },
    close: () => transport.close(),
  };
}
