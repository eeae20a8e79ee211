import { isIP } from 'node:net';
import { isPrivateAddress } from './address';

export interface EndpointRules {
  /** Development and tests only: plain http and private addresses (a receiver on this machine). */
  allowLocal: boolean;
}

/**
 * Why an endpoint URL is refused, in words for the operator, or null when it is acceptable. Checked
 * when an endpoint is saved; the address is checked again on every delivery (address.ts).
 */
export function endpointUrlProblem(raw: string, rules: EndpointRules): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'This is not a web address.';
  }
  if (url.username || url.password)
    return 'Put no user name or password in the address; deliveries are signed.';
  if (url.hash) return 'Leave out the part after "#".';
  if (url.protocol !== 'https:' && !(rules.allowLocal && url.protocol === 'http:')) {
    return 'Use an https:// address.';
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    !rules.allowLocal &&
    (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && isPrivateAddress(host)))
  ) {
    return 'This address points into a private network; use a public one.';
  }
  if (raw.length > 2000) return 'The address is longer than 2,000 characters.';
  return null;
}
