import type { AppRouter } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, failure } from '../support/helpers';
import { signedInMember, startUserServer, type UserServer, variants } from '../support/user-harness';
import { codeIn, linkIn, startMailbox } from './support/mailbox';

const address = () => `member-${crypto.randomUUID().slice(0, 13)}@example.com`;
const reasonOf = (error: Awaited<ReturnType<typeof failure>>) =>
  (error.data as { reason?: string } | undefined)?.reason;

describe.each(variants())('email verification on $label', (variant) => {
  let server: UserServer;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  beforeAll(async () => {
    mailbox = await startMailbox();
    server = await startUserServer(variant, {
      SMTP_URL: mailbox.url,
      MAIL_FROM: 'Puffy <no-reply@puffy.test>',
    });
  });
  afterAll(async () => {
    await server?.close();
    await mailbox?.close();
  });

  it('sends a 6-digit code over SMTP and sets the email only once it is verified', async () => {
    const member = await signedInMember(server.url);
    const email = address();
    const sent = await member.client.user.email.sendCode.mutate({ email: email.toUpperCase() });
    expect(sent.sentTo).toBe(email);
    const mail = await mailbox.lastTo(email);
    expect(mail.raw).toContain('From: Puffy <no-reply@puffy.test>');
    expect((await member.client.user.info.query()).email).toBeNull();

    expect(await member.client.user.email.verifyCode.mutate({ code: codeIn(mail) })).toEqual({ email });
    expect((await member.client.user.info.query()).email).toBe(email);

    const again = await failure(member.client.user.email.verifyCode.mutate({ code: codeIn(mail) }));
    expect(again.data?.code).toBe('PRECONDITION_FAILED');
  });

  it('verifies through the one-click link without a session, once', async () => {
    const member = await signedInMember(server.url);
    const email = address();
    await member.client.user.email.sendCode.mutate({ email });
    const link = linkIn(await mailbox.lastTo(email));
    expect(`${link.origin}${link.pathname}`).toBe(`${server.url}/auth/verify-email`);
    const token = link.searchParams.get('token') ?? '';
    const anonymous = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.9.0.1' } });
    expect(await anonymous.user.email.verifyLink.mutate({ token })).toEqual({ email });
    expect((await member.client.user.info.query()).email).toBe(email);
    const reused = await failure(anonymous.user.email.verifyLink.mutate({ token }));
    expect(reasonOf(reused)).toBe('email_link_invalid');
  });

  it('kills the code after 5 wrong tries', async () => {
    const member = await signedInMember(server.url);
    const email = address();
    await member.client.user.email.sendCode.mutate({ email });
    const code = codeIn(await mailbox.lastTo(email));
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 5; i += 1) {
      const error = await failure(member.client.user.email.verifyCode.mutate({ code: wrong }));
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(error.message).toContain(i < 5 ? `${5 - i} ${5 - i === 1 ? 'try' : 'tries'} left` : 'last try');
    }
    const dead = await failure(member.client.user.email.verifyCode.mutate({ code }));
    expect(dead.data?.code).toBe('PRECONDITION_FAILED');
    expect((await member.client.user.info.query()).email).toBeNull();
  });

  it('expires the code and the link after 10 minutes (fixed clock)', async () => {
    const member = await signedInMember(server.url);
    const email = address();
    await member.client.user.email.sendCode.mutate({ email });
    const mail = await mailbox.lastTo(email);
    server.clock.advance(10 * 60 * 1000 + 1000);
    try {
      const expired = await failure(member.client.user.email.verifyCode.mutate({ code: codeIn(mail) }));
      expect(reasonOf(expired)).toBe('email_code_expired');
      const token = linkIn(mail).searchParams.get('token') ?? '';
      const link = await failure(member.client.user.email.verifyLink.mutate({ token }));
      expect(link.data?.code).toBe('PRECONDITION_FAILED');
    } finally {
      server.clock.advance(-(10 * 60 * 1000 + 1000));
    }
    expect((await member.client.user.info.query()).email).toBeNull();
  });

  it('a new code replaces the previous one', async () => {
    const member = await signedInMember(server.url);
    const email = address();
    await member.client.user.email.sendCode.mutate({ email });
    const first = codeIn(await mailbox.lastTo(email));
    const before = mailbox.received.length;
    await member.client.user.email.sendCode.mutate({ email });
    await expect.poll(() => mailbox.received.length).toBeGreaterThan(before);
    const second = codeIn(await mailbox.lastTo(email));
    if (first !== second) {
      const old = await failure(member.client.user.email.verifyCode.mutate({ code: first }));
      expect(old.data?.code).toBe('BAD_REQUEST');
    }
    expect(await member.client.user.email.verifyCode.mutate({ code: second })).toEqual({ email });
  });

  it('limits sending to 3 a minute per member and per address', async () => {
    const member = await signedInMember(server.url);
    for (let i = 0; i < 3; i += 1) await member.client.user.email.sendCode.mutate({ email: address() });
    const perMember = await failure(member.client.user.email.sendCode.mutate({ email: address() }));
    expect(perMember.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(perMember.data?.retryAfterSeconds).toBeGreaterThan(0);

    const shared = address();
    const senders = await Promise.all([1, 2, 3, 4].map(() => signedInMember(server.url)));
    for (const sender of senders.slice(0, 3))
      await sender.client.user.email.sendCode.mutate({ email: shared });
    const perAddress = await failure(
      senders[3]?.client.user.email.sendCode.mutate({ email: shared }) ?? Promise.resolve(),
    );
    expect(perAddress.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(perAddress.message).toContain('this address');
  });

  it('keeps an email unique among verified members', async () => {
    const [first, second] = await Promise.all([signedInMember(server.url), signedInMember(server.url)]);
    const email = address();
    await first.client.user.email.sendCode.mutate({ email });
    const firstCode = codeIn(await mailbox.lastTo(email));
    // Both members hold a pending code for the same address; only the first to verify gets it.
    await second.client.user.email.sendCode.mutate({ email });
    const secondCode = codeIn(await mailbox.lastTo(email));
    await first.client.user.email.verifyCode.mutate({ code: firstCode });
    const taken = await failure(second.client.user.email.verifyCode.mutate({ code: secondCode }));
    expect(taken.data?.code).toBe('CONFLICT');
    expect(taken.message).toContain('another member');
    const refused = await failure(second.client.user.email.sendCode.mutate({ email }));
    expect(reasonOf(refused)).toBe('email_taken');
    expect((await second.client.user.info.query()).email).toBeNull();
  });

  it('uses a code once when it is entered concurrently', async () => {
    const member = await signedInMember(server.url);
    const email = address();
    await member.client.user.email.sendCode.mutate({ email });
    const code = codeIn(await mailbox.lastTo(email));
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => member.client.user.email.verifyCode.mutate({ code })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const member = await signedInMember(server.url);
    const bad = await failure(member.client.user.email.sendCode.mutate({ email: 'not-an-email' }));
    expect(bad.data?.code).toBe('BAD_REQUEST');
    const badCode = await failure(member.client.user.email.verifyCode.mutate({ code: '12ab' }));
    expect(badCode.data?.code).toBe('BAD_REQUEST');
    const anonymous = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.9.0.2' } });
    const signedOut = await failure(anonymous.user.email.sendCode.mutate({ email: address() }));
    expect(signedOut.data?.code).toBe('UNAUTHORIZED');
  });
});
