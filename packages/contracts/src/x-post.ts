/**
 * One rule for a link to one post on X, read where a member pastes it (the SPA, to say what is wrong
 * beside the field) and where it is checked (the server, which then asks X about the post):
 * `https://x.com/<handle>/status/<id>`, twitter.com and mobile hosts too, query and trailing slash
 * ignored.
 */
export type XPostUrlReading = { ok: true; handle: string; statusId: string } | { ok: false; problem: string };

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
const ONE_POST = 'Link one post: https://x.com/yourname/status/123…';

const problem = (text: string): XPostUrlReading => ({ ok: false, problem: text });

export function readXPostUrl(raw: string): XPostUrlReading {
  const value = raw.trim();
  if (value === '') return problem('Paste the link to your post on X.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return problem('This is not a link. It looks like https://x.com/yourname/status/123…');
  }
  if (url.protocol !== 'https:') return problem('The link must start with https://');
  if (!HOSTS.has(url.hostname.toLowerCase())) return problem('The link must point to x.com or twitter.com.');
  if (url.username || url.password || url.port) return problem(ONE_POST);
  const parts = url.pathname.split('/').filter(Boolean);
  const [handle, status, statusId] = parts;
  if (parts.length !== 3 || status !== 'status' || !handle || !statusId) return problem(ONE_POST);
  if (!HANDLE.test(handle)) return problem('The X handle in the link is not valid.');
  if (!STATUS_ID.test(statusId)) return problem('The post number in the link is not valid.');
  return { ok: true, handle, statusId };
}
