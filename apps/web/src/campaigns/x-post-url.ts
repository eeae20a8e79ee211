// The shape the server's activity check accepts (packages/api activity/x-post.ts); checked here first
// so a typo gets its message beside the field instead of a round trip.
const HOSTS = new Set([
  'x.com',
  'www.x.com',
  'mobile.x.com',
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
]);

/** Null when `raw` is a link to one post on X; otherwise what is wrong with it. */
export function xPostUrlProblem(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return 'Paste the link to your post on X.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'This is not a link. It looks like https://x.com/yourname/status/123…';
  }
  if (url.protocol !== 'https:') return 'The link must start with https://';
  if (!HOSTS.has(url.hostname.toLowerCase())) return 'The link must point to x.com or twitter.com.';
  const parts = url.pathname.split('/').filter(Boolean);
  const [handle, status, id] = parts;
  if (parts.length !== 3 || status !== 'status' || !handle || !id) {
    return 'Link one post: https://x.com/yourname/status/123…';
  }
  if (!/^[A-Za-z0-9_]{1,15}$/.test(handle)) return 'The X handle in the link is not valid.';
  if (!/^\d{1,25}$/.test(id)) return 'The post number in the link is not valid.';
  return null;
}
