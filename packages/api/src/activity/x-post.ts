import { readXPostUrl } from '@puffy/contracts';

/** A link to one post on X, read from a URL a member pasted. */
export interface XPostLink {
  handle: string;
  statusId: string;
}

/** Null for anything but a link to one post (the shared rule in contracts says what is wrong). */
export function parseXPostUrl(raw: string): XPostLink | null {
  const reading = readXPostUrl(raw);
  return reading.ok ? { handle: reading.handle, statusId: reading.statusId } : null;
}

/** X handles are case-insensitive; a stored handle may carry the leading "@". */
export function sameXHandle(a: string, b: string): boolean {
  return a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();
}
