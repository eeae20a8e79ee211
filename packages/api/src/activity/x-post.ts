/** A link to one post on X, read from a URL a member pasted. */
export interface XPostLink {
  handle: string;
  statusId: string;
}

const HOSTS = new Set([
  'x.com',
  'www.x.com',
  'mobile.x.com',
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
]);
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const STATUS_ID = /^\d{1,25}$/;

/**
 * `https://x.com/<handle>/status/<id>` (twitter.com and mobile hosts too, query and trailing slash
 * ignored). Returns null for anything else, so the caller can say what shape is expected.
 */
export function parseXPostUrl(raw: string): XPostLink | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname.toLowerCase())) return null;
  if (url.username || url.password || url.port) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length !== 3) return null;
  const [handle, status, statusId] = parts;
  if (handle === undefined || statusId === undefined || status !== 'status') return null;
  if (!HANDLE.test(handle) || !STATUS_ID.test(statusId)) return null;
  return { handle, statusId };
}

/** X handles are case-insensitive; a stored handle may carry the leading "@". */
export function sameXHandle(a: string, b: string): boolean {
  return a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();
}
