import { type AppRouter, csvField } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { browserLikeClient } from '../support/cookie-client';
import { signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

/** A small RFC 4180 reader for the assertions (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

describe('admin exports', () => {
  let server: TestServer;
  const adminWallet = solanaWallet();
  /** Signs in by cookie, as the console does, with an export budget of its own. */
  const cookieAdminWallet = solanaWallet();
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({
      env: { ADMIN_WALLETS: `sol:${adminWallet.address},sol:${cookieAdminWallet.address}` },
    });
    token = (await signInSolana(server.url, adminWallet)).session.accessToken ?? '';
    const { db, t } = server.deps.db;
    const now = Date.now();
    await db.insert(t.users).values(
      Array.from({ length: 250 }, (_, i) => ({
        id: `export-${String(i).padStart(3, '0')}`,
        walletAddress: solanaWallet().address,
        walletChain: 'sol' as const,
        name: i === 7 ? '=HYPERLINK("http://evil.example","click")' : `Member, "number" ${i}`,
        createdAt: new Date(now - i * 1000),
        updatedAt: new Date(now),
      })),
    );
  });
  afterAll(() => server.close());

  const get = (path: string, bearer?: string) =>
    fetch(`${server.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  it('streams every member as CSV across pages, quoting and defusing formulas', async () => {
    const response = await get('/admin/exports/members.csv', token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="members-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual([
      'id',
      'chain',
      'wallet_address',
      'role',
      'scopes',
      'name',
      'email',
      'created_at',
    ]);
    const members = rows.slice(1).filter((r) => r[0]?.startsWith('export-'));
    expect(members).toHaveLength(250);
    expect(members.find((r) => r[0] === 'export-003')?.[5]).toBe('Member, "number" 3');
    expect(members.find((r) => r[0] === 'export-007')?.[5]).toBe(
      `'=HYPERLINK("http://evil.example","click")`,
    );
  });

  it('gives the same rows as JSON', async () => {
    const response = await get('/admin/exports/members.json', token);
    const items = (await response.json()) as Array<Record<string, unknown>>;
    expect(items.filter((i) => String(i.id).startsWith('export-'))).toHaveLength(250);
    expect(items[0]).toHaveProperty('wallet_address');
  });

  it('refuses guests, members without the scope, and unknown exports', async () => {
    expect((await get('/admin/exports/members.csv')).status).toBe(401);
    const member = (await signInSolana(server.url)).session.accessToken ?? '';
    expect((await get('/admin/exports/members.csv', member)).status).toBe(403);
    const unknown = await get('/admin/exports/passwords.csv', token);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('audit-log');
  });

  it('lets a cookie session download only with the CSRF header, so another site cannot spend its budget', async () => {
    const origin = server.deps.config.publicOrigin;
    const tab = browserLikeClient<AppRouter>(server.url, origin);
    const challenge = await tab.client.auth.challenge.mutate({
      chain: 'sol',
      address: cookieAdminWallet.address,
    });
    const session = await tab.client.auth.verify.mutate({
      challengeId: challenge.challengeId,
      proof: {
        chain: 'sol',
        address: cookieAdminWallet.address,
        signature: cookieAdminWallet.signMessage(challenge.message),
      },
    });
    const cookie = [...tab.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const download = (headers: Record<string, string>) =>
      fetch(`${server.url}/admin/exports/members.csv`, { headers: { cookie, ...headers } });
    // What a link or an <img> on another site makes the browser send: the cookie, no CSRF header.
    for (let i = 0; i < 12; i += 1) {
      const forged = await download({ 'sec-fetch-site': 'cross-site' });
      expect(forged.status).toBe(403);
      expect(await forged.text()).not.toContain('wallet_address');
    }
    expect((await download({})).status).toBe(403);
    expect((await download({ 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect(
      (await download({ 'x-csrf-token': session.csrfToken, origin: 'https://evil.example.net' })).status,
    ).toBe(403);
    // None of those spent the budget: the console's own download still goes through.
    const own = await download({
      'x-csrf-token': session.csrfToken,
      origin,
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(200);
    expect(parseCsv(await own.text())[0]?.[0]).toBe('id');
  });

  it("applies the view's filters, and refuses a bad one before sending anything", async () => {
    const { session } = await signInSolana(server.url);
    const member = session.user.id;
    // Signing out everywhere is a security event of this member's own.
    await fetch(`${server.url}/trpc/auth.logoutAll`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.accessToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const response = await get(`/admin/exports/security-events.json?userId=${member}`, token);
    expect(response.status).toBe(200);
    const events = (await response.json()) as Array<Record<string, unknown>>;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.user_id === member)).toBe(true);

    const unknownKind = await get('/admin/exports/security-events.csv?type=nonsense', token);
    expect(unknownKind.status).toBe(400);
    expect(await unknownKind.text()).toContain('type must be one of');
    const badCampaign = await get('/admin/exports/participants.csv?campaignId=abc', token);
    expect(badCampaign.status).toBe(400);
  });

  it('escapes fields by RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
    expect(csvField(null)).toBe('');
  });

  it('quotes every cell a spreadsheet could split, and neutralises a formula at its start (OWASP)', () => {
    // A semicolon- or tab-separated spreadsheet would start a new cell after the separator.
    expect(csvField('Bob;=1+2;')).toBe('"Bob;=1+2;"');
    expect(csvField('Bob\t=1+2')).toBe('"Bob\t=1+2"');
    expect(csvField('cr\rinside')).toBe('"cr\rinside"');
    for (const lead of ['=', '+', '-', '@']) expect(csvField(`${lead}1+2`)).toBe(`'${lead}1+2`);
    expect(csvField('\t=1+2')).toBe(`"'\t=1+2"`);
    expect(csvField('\r=1+2')).toBe(`"'\r=1+2"`);
    expect(csvField('=SUM(A1;A2)')).toBe(`"'=SUM(A1;A2)"`);
  });
});
