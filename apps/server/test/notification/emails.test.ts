import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { registerJobs, sendEmail } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/mail/smtp-mailer';
import {
  callerFor,
  createMember,
  type StoreWorld,
  startStoreWorld,
  usAddress,
} from '../support/store-harness';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port that keeps every message it accepts. */
async function startSmtp(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(testDatabases())('order emails on $label', (factory) => {
  let world: StoreWorld;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: ReturnType<typeof createSmtpMailer>;
  beforeAll(async () => {
    world = await startStoreWorld(factory);
    smtp = await startSmtp();
    mailer = createSmtpMailer({ url: smtp.url, from: 'Puffy <no-reply@puffy.test>' });
    world.deps.mailer = mailer;
    registerJobs(world.deps.jobs.worker, world.deps);
    await world.deps.jobs.worker.start();
  });
  afterAll(async () => {
    await world.deps.jobs.worker.stop({ timeoutMs: 5_000 });
    mailer.close();
    await smtp.close();
    await world.close();
  });

  it('emails the verified address once when an order is placed and cancelled, with a link back', async () => {
    const member = await createMember(world, { email: `buyer-${randomUUID()}@example.com` });
    const api = callerFor(world, member);
    const quote = await api.device.quote({
      items: [{ kind: 'device', variant: 'fresh', colorway: 'silver', quantity: 1 }],
      country: 'FR',
    });
    const order = await api.order.checkout({
      quoteId: quote.quoteId,
      shippingAddress: { ...usAddress, country: 'FR', postalCode: '75001', phone: '+33 1 42 68 53 00' },
      idempotencyKey: randomUUID(),
    });
    await api.order.cancel({ orderId: order.id });
    const mine = () => smtp.received.filter((m) => m.raw.includes(order.id.slice(0, 8)));
    await waitFor(() => mine().length >= 2);
    // A retried job (or a second worker) finds the email already sent.
    const retried = await sendEmail(world.deps, {
      kind: 'order_placed',
      userId: member.userId,
      orderId: order.id,
    });
    expect(retried).toBe('already_sent');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const messages = mine();
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message.to).toEqual([expect.stringMatching(/^buyer-/)]);
    const placed = messages.find((m) => /Subject: Your Puffy order \w+ is placed/.test(m.raw));
    // Quoted-printable wraps long lines with soft breaks; undo them to read the link.
    expect(placed?.raw.replace(/=\r\n/g, '')).toContain(`/orders/${order.id}`);
    expect(placed?.raw).toMatch(/Content-Type: text\/html/);
    expect(placed?.raw).toMatch(/Content-Type: text\/plain/);
    expect(messages.some((m) => /was cancelled/.test(m.raw))).toBe(true);
  });

  it('sends an email once when several workers run its job at the same time', async () => {
    const member = await createMember(world, { email: `racer-${randomUUID()}@example.com` });
    const orderId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        sendEmail(world.deps, { kind: 'order_shipped', userId: member.userId, orderId }),
      ),
    );
    expect(results.sort()).toEqual(['already_sent', 'already_sent', 'already_sent', 'already_sent', 'sent']);
    await waitFor(() => smtp.received.some((m) => m.to.some((to) => to.startsWith('racer-'))));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received.filter((m) => m.to.some((to) => to.startsWith('racer-')))).toHaveLength(1);
  });

  it.each([
    ['order_paid', /Subject: We received your payment for order \w+/],
    ['order_confirmed', /Subject: Your payment for order \w+ is confirmed/],
    ['order_expired', /Subject: Your Puffy order \w+ expired/],
    ['order_shipped', /Subject: Your Puffy order \w+ has shipped/],
    ['order_refunded', /Subject: Your Puffy order \w+ was refunded/],
  ] as const)('sends %s once over SMTP, in text and HTML, linking to the order', async (kind, subject) => {
    const member = await createMember(world, { email: `${kind}-${randomUUID()}@example.com` });
    const orderId = randomUUID();
    expect(await sendEmail(world.deps, { kind, userId: member.userId, orderId })).toBe('sent');
    expect(await sendEmail(world.deps, { kind, userId: member.userId, orderId })).toBe('already_sent');
    const mine = () => smtp.received.filter((m) => m.to.some((to) => to.startsWith(`${kind}-`)));
    await waitFor(() => mine().length >= 1);
    const [message] = mine();
    expect(message?.raw).toMatch(subject);
    expect(message?.raw.replace(/=\r\n/g, '')).toContain(`/orders/${orderId}`);
    expect(message?.raw).toMatch(/Content-Type: text\/plain/);
    expect(message?.raw).toMatch(/Content-Type: text\/html/);
  });

  it('sends nft_minted with a link to the NFT’s own page', async () => {
    const member = await createMember(world, { email: `minted-${randomUUID()}@example.com` });
    expect(await sendEmail(world.deps, { kind: 'nft_minted', userId: member.userId, nftId: 4242 })).toBe(
      'sent',
    );
    const mine = () => smtp.received.filter((m) => m.to.some((to) => to.startsWith('minted-')));
    await waitFor(() => mine().length >= 1);
    const raw = mine()[0]?.raw.replace(/=\r\n/g, '') ?? '';
    expect(raw).toMatch(/Subject: Your Puffy NFT is minted/);
    // The SPA's route for one NFT (there is no list page to land on).
    expect(raw).toContain('/nft/4242');
  });

  it('sends nothing to a member without a verified address', async () => {
    const member = await createMember(world, { email: null });
    expect(
      await sendEmail(world.deps, { kind: 'order_placed', userId: member.userId, orderId: randomUUID() }),
    ).toBe('no_address');
  });
});
