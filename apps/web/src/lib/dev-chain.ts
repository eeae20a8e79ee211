/**
 * The development Solana node the server runs outside production, as `system.version` reports it.
 * Kept here (a few bytes in the first chunk) so the lazily loaded development wallet can read it.
 */
let reported: string | null = null;

export function setReportedDevChainUrl(url: string | null): void {
  reported = url;
}

export function reportedDevChainUrl(): string | null {
  return reported;
}
