/** `AbCd…WxYz`: enough to recognise a wallet (on a public board, in a message) without printing it whole. */
export function shortWallet(address: string): string {
  return address.length <= 10 ? address : `${address.slice(0, 4)}…${address.slice(-4)}`;
}
