import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { renderApp } from './render';
import { ok, versionOf, wireTransport } from './wire';

const ordersAdmin = {
  signedIn: true,
  user: {
    id: 'admin-1',
    walletAddress: '7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq',
    walletAddressHex: null,
    chain: 'sol',
    role: 'admin',
    scopes: ['orders'],
    name: null,
    avatarUrl: null,
    createdAt: '2026-11-23T00:00:00.000Z',
  },
  csrfToken: 'csrf-export',
  expiresAt: '2099-01-01T00:00:00.000Z',
  sessionExpiresAt: '2099-01-01T00:00:00.000Z',
};

function consoleWire() {
  return wireTransport((path) => {
    if (path === 'auth.session') return ok(ordersAdmin);
    if (path === 'admin.orders.search' || path === 'admin.treasury.problems')
      return ok({ items: [], nextCursor: null });
    return ok(versionOf());
  });
}

/** The browser's side of a download: the export request, the blob it became and the saved name. */
function downloads(answer: () => Response) {
  const requests: { url: string; headers: Headers; credentials: RequestCredentials | undefined }[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({
      url: String(input),
      headers: new Headers(init?.headers),
      credentials: init?.credentials,
    });
    return answer();
  });
  const blobs: Blob[] = [];
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return `blob:export-${blobs.length}`;
  };
  URL.revokeObjectURL = () => {};
  const saved: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(`${this.download} ${this.href}`);
  });
  return { requests, blobs, saved };
}

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('admin exports in the console', () => {
  it('downloads through fetch with the CSRF header and saves the file under the server’s name', async () => {
    const browser = downloads(
      () =>
        new Response('id,status\r\norder-1,confirmed\r\n', {
          status: 200,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="orders-2026-11-23.csv"',
          },
        }),
    );
    renderApp('/admin/orders', consoleWire().fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'All orders (CSV)' }));
    await waitFor(() => expect(browser.saved).toEqual(['orders-2026-11-23.csv blob:export-1']));
    expect(browser.requests).toHaveLength(1);
    expect(browser.requests[0]?.url).toBe('/admin/exports/orders.csv');
    expect(browser.requests[0]?.headers.get('x-csrf-token')).toBe('csrf-export');
    expect(browser.requests[0]?.credentials).toBe('same-origin');
    expect(await browser.blobs[0]?.text()).toContain('order-1,confirmed');
    // No plain link is left that a page could make the browser follow without the header.
    expect(document.querySelector('a[href^="/admin/exports/"]')).toBeNull();
  });

  it("shows the server's refusal instead of saving a file", async () => {
    const browser = downloads(() =>
      Response.json(
        { error: { code: 'TOO_MANY_REQUESTS', message: 'Too many exports; wait a minute.' } },
        { status: 429 },
      ),
    );
    renderApp('/admin/treasury', consoleWire().fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Download (CSV)' }));
    expect(await screen.findByText('Too many exports; wait a minute.')).toBeTruthy();
    expect(browser.requests[0]?.url).toBe('/admin/exports/treasury.csv');
    expect(browser.saved).toEqual([]);
  });
});
