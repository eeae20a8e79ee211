import type { TNftProgress } from '@puffy/contracts';
import { act, cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClaimProgress } from '../src/nft/claim-progress';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const progress = (status: TNftProgress['status'], paymentPending = false): TNftProgress => ({
  nftId: 41,
  promotionId: 3,
  campaignId: 7,
  network: 'sol',
  sequence: 12,
  status,
  transactionHash: null,
  paymentPending,
  surplus: '0',
  assetAddress: null,
  mintSignature: null,
  explorerUrl: null,
  failureReason: null,
  payBefore: null,
  updatedAt: '2026-11-23T09:00:00.000Z',
});

const show = (p: TNftProgress) => (
  <MemoryRouter>
    <ClaimProgress progress={p} name="Genesis Pass" />
  </MemoryRouter>
);

describe('mint progress', () => {
  it('says what the current step does and how long it has been going, restarting with each step', () => {
    vi.useFakeTimers();
    const { rerender } = render(show(progress('paid')));
    const detail = () => screen.getByTestId('nft-step-detail').textContent ?? '';
    expect(detail()).toContain('The network is confirming your payment');
    expect(detail()).toContain('00:00 so far');
    act(() => vi.advanceTimersByTime(15_000));
    expect(detail()).toContain('00:15 so far');
    expect(screen.queryByText(/in progress…/)).toBeNull();

    rerender(show(progress('payment_confirmed')));
    expect(detail()).toContain('Creating your NFT');
    act(() => vi.advanceTimersByTime(3_000));
    expect(detail()).toContain('00:03 so far');
  });

  it('says when the payment is not on the network yet', () => {
    render(show(progress('new', true)));
    expect(screen.getByTestId('nft-step-detail').textContent).toContain('not visible on the network yet');
  });
});
