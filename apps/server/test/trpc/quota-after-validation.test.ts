import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../support/helpers';
import { signedInMember, startUserServer, type UserServer, variants } from '../support/user-harness';
import { startMailbox } from '../user/support/mailbox';

const address = () => `member-${crypto.randomUUID().slice(0, 13)}@example.com`;

/**
 * A procedure's own quota counts only calls it could act on; the default per-IP limit still counts
 * everything (apps/server/test/core.test.ts covers that one).
 */
describe.each(variants())('strict quotas and malformed calls on $label', (variant) => {
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

  it('a typo in user.email.sendCode costs none of its three sends a minute', async () => {
    const member = await signedInMember(server.url);
    for (const email of ['not-an-email', 'member@', '']) {
      const typo = await failure(member.client.user.email.sendCode.mutate({ email }));
      expect(typo.data?.code).toBe('BAD_REQUEST');
    }
    for (let i = 0; i < 3; i += 1) await member.client.user.email.sendCode.mutate({ email: address() });
    const fourth = await failure(member.client.user.email.sendCode.mutate({ email: address() }));
    expect(fourth.data?.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('the default per-IP limit', () => {
  let server: UserServer;
  beforeAll(async () => {
    const [first] = variants();
    if (!first) throw new Error('no test database');
    server = await startUserServer(first, { RATE_LIMIT_IP_PER_MINUTE: '3' });
  });
  afterAll(() => server?.close());

  it('still counts malformed calls, before their input is looked at', async () => {
    const member = await signedInMember(server.url);
    for (let i = 0; i < 3; i += 1) {
      const typo = await failure(member.client.user.email.sendCode.mutate({ email: 'not-an-email' }));
      expect(typo.data?.code).toBe('BAD_REQUEST');
    }
    const limited = await failure(member.client.user.email.sendCode.mutate({ email: address() }));
    expect(limited.data?.code).toBe('TOO_MANY_REQUESTS');
  });
});
