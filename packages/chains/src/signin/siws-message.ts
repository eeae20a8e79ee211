import { isSolanaAddress } from '../addresses';

/*
 * Sign-In With Solana text, the CAIP-122 layout that Phantom and the Solana Wallet Standard
 * (`solana:signIn`, @solana/wallet-standard-util) write and read:
 *
 *   <domain> wants you to sign in with your Solana account:
 *   <address>
 *
 *   <statement>
 *
 *   URI: <uri>
 *   Version: 1
 *   Chain ID: <chain id>
 *   Nonce: <nonce>
 *   Issued At: <RFC 3339>
 *   Expiration Time: <RFC 3339>
 *   Not Before: <RFC 3339>
 *   Request ID: <request id>
 *   Resources:
 *   - <uri>
 */

export const SOLANA_SIGN_IN_CHAIN_IDS = ['mainnet', 'devnet', 'testnet', 'localnet'] as const;
export type SolanaSignInChainId = (typeof SOLANA_SIGN_IN_CHAIN_IDS)[number];

export interface SiwsMessageInput {
  domain: string;
  address: string;
  statement?: string | undefined;
  uri: string;
  version: '1';
  chainId: SolanaSignInChainId;
  nonce: string;
  issuedAt: Date;
  expirationTime?: Date | undefined;
  notBefore?: Date | undefined;
  requestId?: string | undefined;
  resources?: readonly string[] | undefined;
}

/** The fields read back from a message; any of them may be absent in a message a wallet wrote. */
export interface ParsedSiwsMessage {
  domain: string;
  address: string;
  statement?: string;
  uri?: string;
  version?: string;
  chainId?: string;
  nonce?: string;
  issuedAt?: Date;
  expirationTime?: Date;
  notBefore?: Date;
  requestId?: string;
  resources?: string[];
}

export type SiwsParseResult = { ok: true; fields: ParsedSiwsMessage } | { ok: false; message: string };

const HEADER_SUFFIX = ' wants you to sign in with your Solana account:';
const RESOURCES_LINE = 'Resources:';
type FieldSpec = { prefix: string } & (
  | { kind: 'text'; key: 'uri' | 'version' | 'chainId' | 'nonce' | 'requestId' }
  | { kind: 'date'; key: 'issuedAt' | 'expirationTime' | 'notBefore' }
);
/** In the order the standard writes them. */
const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', key: 'uri', prefix: 'URI: ' },
  { kind: 'text', key: 'version', prefix: 'Version: ' },
  { kind: 'text', key: 'chainId', prefix: 'Chain ID: ' },
  { kind: 'text', key: 'nonce', prefix: 'Nonce: ' },
  { kind: 'date', key: 'issuedAt', prefix: 'Issued At: ' },
  { kind: 'date', key: 'expirationTime', prefix: 'Expiration Time: ' },
  { kind: 'date', key: 'notBefore', prefix: 'Not Before: ' },
  { kind: 'text', key: 'requestId', prefix: 'Request ID: ' },
];

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const NONCE = /^[A-Za-z0-9]{8,}$/;
const AUTHORITY = /^[^\s/?#]+$/;

const isFieldLine = (line: string) =>
  line === RESOURCES_LINE || FIELDS.some(({ prefix }) => line.startsWith(prefix));

/** Writes the message; bad input is a programmer error and throws. */
export function buildSiwsMessage(input: SiwsMessageInput): string {
  assertSiwsInput(input);
  let message = `${input.domain}${HEADER_SUFFIX}\n${input.address}`;
  if (input.statement) message += `\n\n${input.statement}`;
  const fields = [
    `URI: ${input.uri}`,
    `Version: ${input.version}`,
    `Chain ID: ${input.chainId}`,
    `Nonce: ${input.nonce}`,
    `Issued At: ${input.issuedAt.toISOString()}`,
  ];
  if (input.expirationTime) fields.push(`Expiration Time: ${input.expirationTime.toISOString()}`);
  if (input.notBefore) fields.push(`Not Before: ${input.notBefore.toISOString()}`);
  if (input.requestId) fields.push(`Request ID: ${input.requestId}`);
  if (input.resources) fields.push(RESOURCES_LINE, ...input.resources.map((resource) => `- ${resource}`));
  return `${message}\n\n${fields.join('\n')}`;
}

function assertSiwsInput(input: SiwsMessageInput): void {
  const singleLine = (value: string, what: string) => {
    if (value.length === 0 || value.includes('\n') || value.includes('\r')) {
      throw new TypeError(`${what} must be one non-empty line`);
    }
  };
  if (!AUTHORITY.test(input.domain)) throw new TypeError('domain must be a host[:port] without spaces');
  if (!isSolanaAddress(input.address)) throw new TypeError('address must be base58 of a 32-byte key');
  if (input.statement !== undefined) {
    singleLine(input.statement, 'statement');
    // A statement that reads like a field line would be read back as that field.
    if (isFieldLine(input.statement)) throw new TypeError('statement must not look like a field line');
  }
  singleLine(input.uri, 'uri');
  if (!URL.canParse(input.uri)) throw new TypeError('uri must be an absolute URI');
  if (input.version !== '1') throw new TypeError("version must be '1'");
  if (!SOLANA_SIGN_IN_CHAIN_IDS.includes(input.chainId)) {
    throw new TypeError(`chainId must be one of ${SOLANA_SIGN_IN_CHAIN_IDS.join(', ')}`);
  }
  if (!NONCE.test(input.nonce)) throw new TypeError('nonce must be at least 8 letters and digits');
  for (const [name, date] of [
    ['issuedAt', input.issuedAt],
    ['expirationTime', input.expirationTime],
    ['notBefore', input.notBefore],
  ] as const) {
    if (date !== undefined && Number.isNaN(date.getTime())) {
      throw new TypeError(`${name} must be a valid Date`);
    }
  }
  if (input.expirationTime && input.expirationTime <= input.issuedAt) {
    throw new RangeError('expirationTime must be after issuedAt');
  }
  if (input.requestId !== undefined) singleLine(input.requestId, 'requestId');
  for (const resource of input.resources ?? []) singleLine(resource, 'each resource');
}

/**
 * Reads the fields back. Strict: fields in the standard's order, each at most once, nothing after
 * them, so one text has one reading. Never throws.
 */
export function parseSiwsMessage(text: string): SiwsParseResult {
  const lines = text.split('\n');
  const header = lines[0] ?? '';
  const address = lines[1];
  if (!header.endsWith(HEADER_SUFFIX) || address === undefined) {
    return { ok: false, message: 'This is not a Sign-In With Solana message.' };
  }
  const domain = header.slice(0, -HEADER_SUFFIX.length);
  if (!AUTHORITY.test(domain)) return { ok: false, message: 'The message does not name a valid domain.' };
  if (address.length === 0) return { ok: false, message: 'The message does not name an address.' };
  const fields: ParsedSiwsMessage = { domain, address };

  const rest = lines.slice(2);
  if (rest.length === 0) return { ok: true, fields };
  if (rest[0] !== '' || !rest[1]) {
    return {
      ok: false,
      message: 'The message has a line break where a blank line should separate sections.',
    };
  }
  let next = 1;
  const statement = rest[1];
  if (!isFieldLine(statement)) {
    fields.statement = statement;
    if (rest.length === 2) return { ok: true, fields };
    if (rest[2] !== '' || !rest[3]) {
      return { ok: false, message: 'The statement must be one line followed by a blank line.' };
    }
    next = 3;
  }
  const error = readFieldLines(rest.slice(next), fields);
  return error ? { ok: false, message: error } : { ok: true, fields };
}

function readFieldLines(lines: string[], fields: ParsedSiwsMessage): string | null {
  let order = 0;
  let resources: string[] | null = null;
  for (const line of lines) {
    if (resources) {
      if (!line.startsWith('- ') || line.length === 2) {
        return `Unexpected line after Resources: "${clip(line)}".`;
      }
      resources.push(line.slice(2));
      continue;
    }
    if (line === RESOURCES_LINE) {
      resources = [];
      continue;
    }
    const index = FIELDS.findIndex(({ prefix }, i) => i >= order && line.startsWith(prefix));
    const field = FIELDS[index];
    if (!field) return `Unexpected or out-of-order line "${clip(line)}".`;
    const value = line.slice(field.prefix.length);
    if (value.length === 0) return `The field ${field.prefix.trim()} is empty.`;
    if (field.kind === 'text') {
      fields[field.key] = value;
    } else {
      const date = new Date(value);
      if (!RFC3339.test(value) || Number.isNaN(date.getTime())) {
        return `"${clip(value)}" is not an RFC 3339 time.`;
      }
      fields[field.key] = date;
    }
    order = index + 1;
  }
  if (resources) fields.resources = resources;
  return null;
}

const clip = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}...` : value);
