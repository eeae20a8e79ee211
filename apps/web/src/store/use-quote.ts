import type { TQuote, TQuoteInput } from '@puffy/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { trpc } from '../lib/trpc';

/** docs/product/orders.md: before paying, a quote older than this is asked for again. */
export const REQUOTE_AFTER_MS = 30_000;
const QUOTE_DEBOUNCE_MS = 250;

/** Why the quote was asked for again: it ran out, it aged past 30 s, the member retried, or checkout refused it. */
export type RenewReason = 'expired' | 'aged' | 'retried' | { refused: string };

/** A renewal the member should see: why, and the total before and after (equal when it did not move). */
export interface QuoteNotice {
  reason: RenewReason;
  before: string | null;
  after: string;
}

export interface QuoteState {
  quote: TQuote | null;
  /** When the shown quote arrived (the browser's clock; its age is what matters). */
  receivedAt: number;
  error: unknown;
  pending: boolean;
  /** Why the quote was renewed by itself, and how the total moved; shown above the quote. */
  notice: QuoteNotice | null;
  /** Ask again now, saying why. Resolves with the new quote, or null when the server refused. */
  renew(why: RenewReason): Promise<TQuote | null>;
  /**
   * The quote to check out with: the shown one while it is younger than 30 s, otherwise a new one. When
   * the new total differs, `changed` is true and the member should look before going on.
   */
  fresh(): Promise<{ quote: TQuote; changed: boolean } | null>;
}

const now = () => Date.now();

/** The server's quote for `input` (null: nothing to quote), kept fresh while the page is open. */
export function useQuote(input: TQuoteInput | null): QuoteState {
  const mutation = trpc.device.quote.useMutation();
  const { mutateAsync } = mutation;
  const [quote, setQuote] = useState<TQuote | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<QuoteNotice | null>(null);
  const key = input ? JSON.stringify(input) : null;
  const latest = useRef({ key, input, quote, receivedAt, asked: 0 });
  latest.current = { ...latest.current, key, input, quote, receivedAt };

  const ask = useCallback(
    async (why: RenewReason | null): Promise<TQuote | null> => {
      const { input: current, quote: before } = latest.current;
      if (!current) return null;
      latest.current.asked += 1;
      const ticket = latest.current.asked;
      try {
        const next = await mutateAsync(current);
        // An answer for a cart that has changed since is dropped; the newer request will answer.
        if (ticket !== latest.current.asked) return null;
        setQuote(next);
        setReceivedAt(now());
        setError(null);
        setNotice(why ? { reason: why, before: before?.total ?? null, after: next.total } : null);
        return next;
      } catch (failure) {
        if (ticket === latest.current.asked) {
          setQuote(null);
          setError(failure);
        }
        return null;
      }
    },
    [mutateAsync],
  );

  // A new cart, country or pass: a new quote, once the member pauses (typing a quantity asks once).
  useEffect(() => {
    if (key === null) {
      latest.current.asked += 1;
      setQuote(null);
      setError(null);
      return;
    }
    const timer = setTimeout(() => void ask(null), QUOTE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, ask]);

  // A quote that expires while the page is open is renewed by itself.
  useEffect(() => {
    if (!quote) return;
    const wait = Math.max(0, new Date(quote.expiresAt).getTime() - now());
    const timer = setTimeout(() => void ask('expired'), Math.min(wait, 2_147_483_647));
    return () => clearTimeout(timer);
  }, [quote, ask]);

  const fresh = useCallback(async () => {
    const { quote: shown, receivedAt: at } = latest.current;
    if (shown && now() - at <= REQUOTE_AFTER_MS) return { quote: shown, changed: false };
    const next = await ask('aged');
    if (!next) return null;
    return { quote: next, changed: shown?.total !== next.total };
  }, [ask]);

  return { quote, receivedAt, error, pending: mutation.isPending, notice, renew: ask, fresh };
}
