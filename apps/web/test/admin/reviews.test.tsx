import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../../src/lib/session-token';
import { renderApp } from '../render';
import { failure, ok, versionOf, type WireAnswer, wireTransport } from '../wire';
import { operatorSession } from './session';

const held = (n: number, overrides: Record<string, unknown> = {}) => ({
  userActivityId: `ua-${n}`,
  userId: `member-${n}`,
  walletAddress: `Wa11et${n}aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaZ${n}`,
  chain: 'sol',
  activityId: 7,
  activityName: `Post about Puffy ${n}`,
  activityKind: 'x_post',
  campaignId: 3,
  campaignName: 'Winter drop',
  points: 40,
  proofUrl: `https://x.com/fan/status/${n}`,
  submittedAt: '2026-11-20T10:00:00.000Z',
  ...overrides,
});

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

function review(
  answer: (input: { userActivityId: string; decision: string; reason?: string }) => WireAnswer,
) {
  const wire = wireTransport((path) => {
    if (path === 'auth.session') return ok(operatorSession(['campaigns']));
    if (path === 'admin.activities.pending')
      return ok({ items: [held(1), held(2, { proofUrl: null, campaignName: null })], nextCursor: 'page-2' });
    if (path === 'admin.activities.review') {
      const inputs = wire.inputsFor(path) as { userActivityId: string; decision: string }[];
      const last = inputs.at(-1) ?? { userActivityId: '', decision: '' };
      return answer(last);
    }
    return ok(versionOf());
  });
  return wire;
}

const decided = (input: { userActivityId: string; decision: string }) =>
  ok({
    userActivityId: input.userActivityId,
    status: input.decision === 'approve' ? 'completed' : 'rejected',
    pointsAwarded: input.decision === 'approve' ? 40 : 0,
  });

describe('admin activity reviews', { timeout: 30_000 }, () => {
  it('lists what waits, with the proof link and what approval awards, and approves one', async () => {
    const wire = review(decided);
    renderApp('/admin/reviews', wire.fetch);
    const row = (await screen.findByText('Post about Puffy 1')).closest('tr') as HTMLElement;
    expect(within(row).getByRole('link', { name: 'Open the proof' }).getAttribute('href')).toBe(
      'https://x.com/fan/status/1',
    );
    expect(within(row).getByText('40')).toBeTruthy();
    const other = screen.getByText('Post about Puffy 2').closest('tr') as HTMLElement;
    expect(within(other).getByText('No link')).toBeTruthy();
    expect(within(other).getByText('No campaign')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('Approved: 40 points awarded.')).toBeTruthy();
    expect(wire.inputsFor('admin.activities.review')).toEqual([
      { userActivityId: 'ua-1', decision: 'approve' },
    ]);
    const call = wire.calls.find((c) => c.paths.includes('admin.activities.review'));
    expect(call?.method).toBe('POST');
  });

  it('asks for a reason before rejecting, and shows the server’s word on the field', async () => {
    const wire = review((input) =>
      input.reason === 'no'
        ? failure('admin.activities.review', 'BAD_REQUEST', 400, 'Check the highlighted field.', {
            fieldErrors: { reason: ['Say why this submission is rejected.'] },
          })
        : decided(input),
    );
    renderApp('/admin/reviews', wire.fetch);
    const row = (await screen.findByText('Post about Puffy 2')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Reject…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject this submission' });
    const reason = within(dialog).getByLabelText('Reason');
    fireEvent.change(reason, { target: { value: 'no' } });
    fireEvent.submit(reason.closest('form') as HTMLFormElement);
    expect(await within(dialog).findByText('Say why this submission is rejected.')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(reason, { target: { value: 'The post is not about Puffy.' } });
    fireEvent.submit(reason.closest('form') as HTMLFormElement);
    expect(await screen.findByText('Rejected.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(wire.inputsFor('admin.activities.review')).toEqual([
      { userActivityId: 'ua-2', decision: 'reject', reason: 'no' },
      { userActivityId: 'ua-2', decision: 'reject', reason: 'The post is not about Puffy.' },
    ]);
  });

  it('approves the selected rows in bulk and reports one decided elsewhere first', async () => {
    const wire = review((input) =>
      input.userActivityId === 'ua-2'
        ? failure('admin.activities.review', 'CONFLICT', 409, 'This completion has already been reviewed.', {
            reason: 'already_reviewed',
          })
        : decided(input),
    );
    renderApp('/admin/reviews', wire.fetch);
    await screen.findByText('Post about Puffy 1');
    expect(
      screen
        .getByRole('checkbox', { name: 'Select “Post about Puffy 2” from Wa11…aaZ2' })
        .getAttribute('aria-checked'),
    ).toBe('false');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select every row on this page' }));
    const bar = screen.getByRole('region', { name: 'Actions on the selected rows' });
    expect(within(bar).getByText('2 selected')).toBeTruthy();
    fireEvent.click(within(bar).getByRole('button', { name: 'Approve selected' }));
    expect(await screen.findByText('1 decided, 1 could not be.')).toBeTruthy();
    expect(wire.inputsFor('admin.activities.review')).toEqual([
      { userActivityId: 'ua-1', decision: 'approve' },
      { userActivityId: 'ua-2', decision: 'approve' },
    ]);
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Actions on the selected rows' })).toBeNull(),
    );
  });

  it('sorts and pages on the server, and lets the operator choose columns', async () => {
    const wire = review(decided);
    renderApp('/admin/reviews', wire.fetch);
    await screen.findByText('Post about Puffy 1');
    const pendingInputs = () => wire.inputsFor('admin.activities.pending') as Record<string, unknown>[];
    expect(pendingInputs()[0]).toEqual({ limit: 20, order: 'oldest' });
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(pendingInputs().at(-1)).toEqual({ cursor: 'page-2', limit: 20, order: 'oldest' }),
    );
    expect(screen.getByText('Page 2')).toBeTruthy();
    // A new order starts from the first page: the cursor belonged to the old one.
    fireEvent.click(screen.getByRole('button', { name: /Submitted/ }));
    await waitFor(() => expect(pendingInputs().at(-1)).toEqual({ limit: 20, order: 'newest' }));
    expect(screen.getByRole('columnheader', { name: /Submitted/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    fireEvent.change(screen.getByLabelText('Rows per page'), { target: { value: '50' } });
    await waitFor(() => expect(pendingInputs().at(-1)).toEqual({ limit: 50, order: 'newest' }));

    expect(screen.getByRole('columnheader', { name: 'Proof' })).toBeTruthy();
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Columns' }), { button: 0, ctrlKey: false });
    const proof = await screen.findByRole('menuitemcheckbox', { name: 'Proof' });
    expect(proof.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(proof);
    await waitFor(() => expect(screen.queryByRole('columnheader', { name: 'Proof' })).toBeNull());
  });
});
