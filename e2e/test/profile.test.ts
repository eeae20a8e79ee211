import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from '@puffy/server/testing';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';

interface Mail {
  to: string[];
  text: string;
}

/** Undoes quoted-printable soft breaks and escapes (nodemailer's choice for long lines). */
const decodeQuotedPrintable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** A real SMTP server on a free local port that keeps what it receives; the server under test sends to it. */
async function startMailbox() {
  const received: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          text: decodeQuotedPrintable(raw.slice(raw.indexOf('\r\n\r\n') + 4)),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    async lastTo(address: string, timeoutMs = 10_000): Promise<Mail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = received.filter((m) => m.to.includes(address)).at(-1);
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function signInWithDevSolana(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/profile`);
  await page.getByTestId('sign-in-required').waitFor();
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('button', { name: /Development wallet \(Solana\)/ }).click();
  const signedInAs = page.getByTestId('signed-in-as');
  await signedInAs.waitFor({ timeout: 15_000 });
  const address = await signedInAs.getAttribute('title');
  if (!address) throw new Error('no signed-in address');
  await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
  return address;
}

describe.skipIf(!chromiumPath())('profile in a real browser', () => {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    assertWebBuilt();
    mailbox = await startMailbox();
    server = await startTestServer({ webDistDir: webDist, env: { SMTP_URL: mailbox.url } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await mailbox?.close();
  });

  it('verifies an email through the link read from the real SMTP server', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInWithDevSolana(page, server.url);

    const email = `member-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByText(/We sent a 6-digit code to/).waitFor();

    const mail = await mailbox.lastTo(email);
    const code = /verification code is (\d{6})/.exec(mail.text)?.[1];
    const link = /(http\S+\/auth\/verify-email\?token=\S+)/.exec(mail.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    if (!link) throw new Error(`no link in mail: ${mail.text}`);
    const token = new URL(link).searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(20);

    await page.goto(link);
    await page.getByRole('heading', { name: 'Your email is verified' }).waitFor({ timeout: 15_000 });
    expect(page.url()).not.toContain(token);
    expect(await page.content()).not.toContain(token);

    await page.getByRole('link', { name: 'Back to your profile' }).click();
    const shown = page.getByTestId('profile-email');
    await shown.waitFor();
    expect(await shown.textContent()).toContain(email);
    expect(await shown.textContent()).toContain('Verified');

    // The link works once: opening it again is refused in words.
    await page.goto(link);
    await page.getByRole('heading', { name: 'This link no longer works' }).waitFor({ timeout: 15_000 });

    const logged = JSON.stringify(server.logs);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(`"${code}"`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('links the development EVM wallet with a freshly signed challenge', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const owner = await signInWithDevSolana(page, server.url);
    await page.getByRole('button', { name: 'Link another wallet' }).click();
    await page.getByRole('button', { name: /Development wallet \(EVM\)/ }).click();
    const linked = page.getByText(/^Linked your EVM wallet 0x[0-9a-fA-F]{40}\.$/);
    await linked.waitFor({ timeout: 15_000 });
    const address = /0x[0-9a-fA-F]{40}/.exec((await linked.textContent()) ?? '')?.[0];
    if (!address) throw new Error('no linked address shown');

    const { db, t } = server.deps.db;
    const [user] = (await db.select().from(t.users)).filter((u) => u.walletAddress === owner);
    const wallets = await db.select().from(t.userWallets);
    expect(wallets.find((w) => w.address.toLowerCase() === address.toLowerCase())?.userId).toBe(user?.id);
    await context.close();
  });
});
