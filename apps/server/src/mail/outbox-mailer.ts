import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mailer } from '@puffy/api';

/**
 * Development mail: each message becomes a `.eml` file in the outbox folder, which any mail program
 * (or a text editor) opens. Nothing leaves the machine.
 */
export function createOutboxMailer(options: { dir: string; from: string }): Mailer {
  return {
    async send(message) {
      await mkdir(options.dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = join(options.dir, `${stamp}-${crypto.randomUUID().slice(0, 8)}.eml`);
      const headers = [
        `From: ${options.from}`,
        `To: ${message.to}`,
        `Subject: ${message.subject}`,
        `Date: ${new Date().toUTCString()}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
      ];
      await writeFile(file, `${headers.join('\r\n')}\r\n\r\n${message.text}\r\n`, { mode: 0o600 });
    },
  };
}
