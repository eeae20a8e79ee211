/**
 * Server field errors in words for people: the path (`items.0.colorway`) becomes a label ("Cart line
 * 1, colorway"), and the schema's own report ("Too small: expected string to have >=2 characters")
 * becomes advice. Forms still find their fields by path; only the words change.
 */

const FIELD_LABEL: Record<string, string> = {
  colorway: 'colorway',
  flavor: 'flavor',
  nicotine: 'nicotine',
  quantity: 'quantity',
  variant: 'device',
  country: 'Country',
  passCode: 'Device pass',
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'City',
  state: 'State or region',
  postalCode: 'Postal code',
  code: 'Code',
  transactionHash: 'Transaction signature',
  walletAddress: 'Wallet address',
  address: 'Wallet address',
  image: 'Image',
  video: 'Video',
  banner: 'Banner',
  slug: 'Address name',
  description: 'Description',
};

/** A label for a field path, or null when the path means nothing to a member. */
export function fieldLabel(path: string): string | null {
  const parts = path.split('.');
  const line = parts.findIndex((part, i) => part === 'items' && /^\d+$/.test(parts[i + 1] ?? ''));
  const last = parts[parts.length - 1] ?? '';
  const label = FIELD_LABEL[last] ?? null;
  if (line >= 0) {
    const n = Number(parts[line + 1]) + 1;
    return label && last !== 'items' ? `Cart line ${n}, ${label}` : `Cart line ${n}`;
  }
  if (!label) return null;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The schema's report (zod's wording) as advice; anything unrecognised gets a plain request to check. */
export function schemaIssueInWords(message: string): string {
  const bound = /(>=|<=|>|<)\s*(\d+)/.exec(message)?.slice(1) ?? [];
  const [op, n] = bound;
  if (/^Too small/i.test(message) && n) {
    if (/string/.test(message)) return `Use at least ${op === '>' ? Number(n) + 1 : n} characters.`;
    if (/array|set/.test(message)) return `Add at least ${n}.`;
    return `Use ${op === '>' ? `more than ${n}` : `${n} or more`}.`;
  }
  if (/^Too big/i.test(message) && n) {
    if (/string/.test(message)) return `Use at most ${op === '<' ? Number(n) - 1 : n} characters.`;
    if (/array|set/.test(message)) return `Use at most ${n}.`;
    return `Use ${op === '<' ? `less than ${n}` : `${n} or less`}.`;
  }
  if (/email/i.test(message)) return 'Enter a valid email address.';
  if (/url/i.test(message)) return 'Enter a full web address.';
  if (/^Invalid option|^Invalid enum/i.test(message)) return 'Choose one of the options offered.';
  if (/received undefined|required/i.test(message)) return 'This is required.';
  return 'Please check this.';
}

const RULE_NOTE = /\s*\(rule: [^)]*\)/g;
const UUID = /\s*\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** Drops what is meant for logs from a server message: rule names and ids (support has the request id). */
export function withoutInternals(message: string): string {
  return message.replace(RULE_NOTE, '').replace(UUID, '').trim();
}
