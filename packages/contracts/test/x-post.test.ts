import { describe, expect, it } from 'vitest';
import { readXPostUrl } from '../src/x-post';

describe('readXPostUrl (the one rule the SPA and the server read an X post link with)', () => {
  it('reads a post link on any X or Twitter host, ignoring the query and a trailing slash', () => {
    expect(readXPostUrl(' https://mobile.twitter.com/Puffy_HQ/status/1790000000000000001/?s=20 ')).toEqual({
      ok: true,
      handle: 'Puffy_HQ',
      statusId: '1790000000000000001',
    });
  });

  it.each([
    ['', 'Paste the link to your post on X.'],
    ['x.com/puffy/status/1', 'This is not a link. It looks like https://x.com/yourname/status/123…'],
    ['http://x.com/puffy/status/1', 'The link must start with https://'],
    ['https://x.co/puffy/status/1', 'The link must point to x.com or twitter.com.'],
    ['https://x.com/puffy', 'Link one post: https://x.com/yourname/status/123…'],
    ['https://x.com/puffy/likes/1', 'Link one post: https://x.com/yourname/status/123…'],
    ['https://user:pw@x.com/puffy/status/1', 'Link one post: https://x.com/yourname/status/123…'],
    ['https://x.com:8443/puffy/status/1', 'Link one post: https://x.com/yourname/status/123…'],
    ['https://x.com/puffy-hq/status/1', 'The X handle in the link is not valid.'],
    ['https://x.com/puffy/status/12a', 'The post number in the link is not valid.'],
  ])('says what is wrong with %j', (raw, problem) => {
    expect(readXPostUrl(raw)).toEqual({ ok: false, problem });
  });
});
