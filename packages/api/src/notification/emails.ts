import type { MailMessage } from '../platform/mail';

export const emailKinds = [
  'order_placed',
  'order_paid',
  'order_confirmed',
  'order_cancelled',
  'order_expired',
  'order_shipped',
  'order_refunded',
  'nft_minted',
] as const;
export type EmailKind = (typeof emailKinds)[number];

const SUBJECTS: Record<EmailKind, (ref: string) => string> = {
  order_placed: (ref) => `Your Puffy order ${ref} is placed`,
  order_paid: (ref) => `We received your payment for order ${ref}`,
  order_confirmed: (ref) => `Your payment for order ${ref} is confirmed`,
  order_cancelled: (ref) => `Your Puffy order ${ref} was cancelled`,
  order_expired: (ref) => `Your Puffy order ${ref} expired`,
  order_shipped: (ref) => `Your Puffy order ${ref} has shipped`,
  order_refunded: (ref) => `Your Puffy order ${ref} was refunded`,
  nft_minted: () => 'Your Puffy NFT is minted',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Plain text and HTML with a link back to the order (or the NFT), and nothing secret in either. */
export function composeEmail(
  kind: EmailKind,
  to: string,
  target: { orderId?: string; nftId?: number; detail?: string | null },
  publicOrigin: string,
): MailMessage {
  const ref = target.orderId ? target.orderId.slice(0, 8) : String(target.nftId ?? '');
  const link = target.orderId
    ? new URL(`/orders/${encodeURIComponent(target.orderId)}`, publicOrigin).toString()
    : new URL(`/nft/${target.nftId ?? ''}`, publicOrigin).toString();
  const subject = SUBJECTS[kind](ref);
  const lines = [`${subject}.`, ...(target.detail ? [target.detail] : []), `See it here: ${link}`];
  return {
    to,
    subject,
    text: `${lines.join('\n\n')}\n`,
    html: `<p>${escapeHtml(subject)}.</p>${target.detail ? `<p>${escapeHtml(target.detail)}</p>` : ''}<p><a href="${escapeHtml(link)}">Open it on Puffy</a></p>`,
  };
}
