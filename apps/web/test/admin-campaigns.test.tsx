import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { renderApp } from './render';
import { ok, versionOf, wireTransport } from './wire';

const session = {
  signedIn: true,
  user: {
    id: 'admin-1',
    walletAddress: '7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq',
    walletAddressHex: null,
    chain: 'sol',
    role: 'admin',
    scopes: ['campaigns'],
    name: null,
    avatarUrl: null,
    createdAt: '2026-11-23T00:00:00.000Z',
  },
  csrfToken: 'csrf',
  expiresAt: '2099-01-01T00:00:00.000Z',
  sessionExpiresAt: '2099-01-01T00:00:00.000Z',
};

const progress = (over: Record<string, unknown> = {}) => ({
  snapshotId: '0b7e5a52-6a4f-4a43-9a39-7f1c1d2b1a11',
  campaignId: 7,
  network: 'sol',
  version: 2,
  status: 'importing',
  rowsRead: 0,
  rowsAccepted: 0,
  rowsRejected: 0,
  errors: [],
  createdAt: '2026-11-23T00:00:00.000Z',
  activatedAt: null,
  ...over,
});

const inputOf = (wire: ReturnType<typeof wireTransport>, path: string) =>
  wire.calls.find((c) => c.paths.includes(path)) ?? null;

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('campaign builder', { timeout: 20_000 }, () => {
  it('shows what to fix beside each field before sending anything', async () => {
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(session);
      if (path === 'admin.campaigns.create') return ok({ id: 42 });
      return ok(versionOf());
    });
    renderApp('/admin/campaigns/new', wire.fetch);
    fireEvent.change(await screen.findByLabelText('Name', {}, { timeout: 5000 }), {
      target: { value: 'Genesis' },
    });
    fireEvent.change(screen.getByLabelText('Slug (in the address)'), { target: { value: 'genesis' } });
    fireEvent.change(screen.getByLabelText('Starts (UTC)'), { target: { value: '2030-02-01T00:00' } });
    fireEvent.change(screen.getByLabelText('Ends (UTC)'), { target: { value: '2030-01-01T00:00' } });
    fireEvent.change(screen.getByLabelText('NFT gas fee (SOL)'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ethereum holders' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save campaign' }));

    // Each problem sits beside its field, in the operator's words (the method by name, not its code).
    const errorOf = (label: string) =>
      document.getElementById(screen.getByLabelText(label).getAttribute('aria-errormessage') ?? '')
        ?.textContent;
    expect(await screen.findByText('The end must come after the start')).toBeTruthy();
    expect(errorOf('NFT gas fee (SOL)')).toContain('"abc" is not an amount of SOL');
    expect(errorOf('Ethereum holders: collection address')).toBe(
      'Ethereum holders need a collection address (or the campaign’s own on Solana)',
    );
    expect(inputOf(wire, 'admin.campaigns.create')).toBeNull();

    fireEvent.change(screen.getByLabelText('Ends (UTC)'), { target: { value: '2030-03-01T00:00' } });
    fireEvent.change(screen.getByLabelText('NFT gas fee (SOL)'), { target: { value: '0.05' } });
    fireEvent.change(screen.getByLabelText('Ethereum holders: collection address'), {
      target: { value: '0x5Af0D9827E0c53E4799BB226655A1de152A425a5' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save campaign' }));
    await waitFor(() => expect(inputOf(wire, 'admin.campaigns.create')).not.toBeNull());
    const call = inputOf(wire, 'admin.campaigns.create');
    expect(call?.headers.get('x-csrf-token')).toBe('csrf');
  });
});

class FakeUpload {
  static last: FakeUpload | null = null;
  upload: { onprogress: ((e: { loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  status = 0;
  responseText = '';
  withCredentials = false;
  url = '';
  headers = new Map<string, string>();
  body: unknown = null;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers.set(name, value);
  }
  send(body: unknown) {
    this.body = body;
    FakeUpload.last = this;
  }
}

describe('snapshot upload', { timeout: 20_000 }, () => {
  it('uploads the file, shows live counts and the rejected lines', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeUpload);
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(session);
      if (path === 'admin.snapshots.list') return ok({ items: [], nextCursor: null });
      if (path === 'admin.snapshots.begin') return ok({ reused: false, progress: progress() });
      if (path === 'campaign.snapshot.progress')
        return ok(progress({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 }));
      return ok(versionOf());
    });
    renderApp('/admin/campaigns/7/snapshot', wire.fetch);
    const file = new File(['wallet,chain\nA,sol\n'], 'holders.csv', { type: 'text/csv' });
    fireEvent.change(await screen.findByLabelText('CSV file', {}, { timeout: 5000 }), {
      target: { files: [file] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(FakeUpload.last).not.toBeNull());
    const xhr = FakeUpload.last as FakeUpload;
    expect(xhr.url).toBe(`/admin/snapshots/${progress().snapshotId}/upload`);
    expect(xhr.headers.get('x-csrf-token')).toBe('csrf');
    expect(xhr.body).toBe(file);

    xhr.upload.onprogress?.({ loaded: 10, total: 20 });
    expect(await screen.findByText('Rows read')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('snapshot-progress').textContent).toContain('3'));

    xhr.status = 200;
    xhr.responseText = JSON.stringify(
      progress({
        status: 'active',
        rowsRead: 3,
        rowsAccepted: 2,
        rowsRejected: 1,
        errors: [{ line: 3, reason: '"B" is not a valid sol address' }],
      }),
    );
    xhr.onload?.();
    expect(await screen.findByText('"B" is not a valid sol address')).toBeTruthy();
    expect(screen.getByTestId('snapshot-progress').textContent).toContain('Active');
  });

  it('says what happened when a proxy answers the upload with its own HTML page', async () => {
    FakeUpload.last = null;
    vi.stubGlobal('XMLHttpRequest', FakeUpload);
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(session);
      if (path === 'admin.snapshots.list') return ok({ items: [], nextCursor: null });
      if (path === 'admin.snapshots.begin') return ok({ reused: false, progress: progress() });
      if (path === 'campaign.snapshot.progress') return ok(progress());
      return ok(versionOf());
    });
    renderApp('/admin/campaigns/7/snapshot', wire.fetch);
    fireEvent.change(await screen.findByLabelText('CSV file', {}, { timeout: 5000 }), {
      target: { files: [new File(['wallet,chain\n'], 'holders.csv')] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const xhr = await vi.waitFor(() => {
      if (!FakeUpload.last) throw new Error('nothing uploaded yet');
      return FakeUpload.last;
    });
    xhr.status = 502;
    xhr.responseText = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    xhr.onload?.();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not be read (status 502)');
    expect(alert.textContent).not.toContain('<html>');
    expect(screen.getByRole('button', { name: 'Import' })).toBeTruthy();
  });

  it('says so and uploads nothing when the same file is already active', async () => {
    FakeUpload.last = null;
    vi.stubGlobal('XMLHttpRequest', FakeUpload);
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(session);
      if (path === 'admin.snapshots.list') return ok({ items: [], nextCursor: null });
      if (path === 'admin.snapshots.begin')
        return ok({ reused: true, progress: progress({ status: 'active', rowsRead: 5, rowsAccepted: 5 }) });
      return ok(versionOf());
    });
    renderApp('/admin/campaigns/7/snapshot', wire.fetch);
    const file = new File(['x'], 'holders.csv');
    fireEvent.change(await screen.findByLabelText('CSV file', {}, { timeout: 5000 }), {
      target: { files: [file] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/already the active snapshot/)).toBeTruthy();
    expect(FakeUpload.last).toBeNull();
  });
});

describe('codes and bot secret', { timeout: 20_000 }, () => {
  it('disables a code and shows a new bot secret once', async () => {
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(session);
      if (path === 'admin.codes.list')
        return ok({
          items: [
            {
              id: 'c1',
              code: 'ABCD2345',
              type: 'limited',
              level: 0,
              campaignId: 7,
              maxUses: 3,
              uses: 1,
              remainingUses: 2,
              ownerUserId: 'admin-1',
              disabledAt: null,
              createdAt: '2026-11-23T00:00:00.000Z',
            },
          ],
          nextCursor: null,
        });
      if (path === 'admin.allowlist.list') return ok({ items: [], nextCursor: null });
      if (path === 'admin.botSecret.status') return ok({ campaignId: 7, secrets: [] });
      if (path === 'admin.botSecret.create')
        return ok({ secret: 'very-secret-value', status: { campaignId: 7, secrets: [] } });
      if (path === 'admin.codes.disable') return ok({});
      return ok(versionOf());
    });
    renderApp('/admin/campaigns/7/codes', wire.fetch);
    expect(await screen.findByText('1 / 3', {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Disable ABCD2345' }));
    await waitFor(() => expect(inputOf(wire, 'admin.codes.disable')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Create secret' }));
    expect((await screen.findByTestId('bot-secret')).textContent).toBe('very-secret-value');
  });
});
