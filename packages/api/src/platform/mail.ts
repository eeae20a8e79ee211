/** One outgoing email. Codes inside are secrets: never log a message's text. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Sends mail. The server builds it from configuration: SMTP through nodemailer in production and
 * tests (a real SMTP server), a local outbox folder a developer can open in development.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
