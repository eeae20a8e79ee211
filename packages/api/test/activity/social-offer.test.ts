import { describe, expect, it } from 'vitest';
import { offeredActivityParameter } from '../../src/activity/social/offer';
import { BadInput } from '../../src/platform/errors';

const x = {
  clientId: 'c',
  clientSecret: null,
  redirectUri: 'http://a/cb',
  authorizeUrl: 'http://x/a',
  apiBaseUrl: 'http://x',
};
const discord = { botToken: 't', apiBaseUrl: 'http://d' };
const nothing = { twitter: null, social: { discord: null, telegram: null } };

describe('which checked tasks an operator may save', () => {
  it('offers no kind whose service this server cannot check (no X client, no bot)', () => {
    for (const [kind, parameter] of [
      ['x_follow', { accountId: '1', handle: 'puffy' }],
      ['discord_member', { guildId: '1', guildName: 'Puffy' }],
      ['telegram_join', { chatId: '@puffy_chat', chatTitle: 'Puffy' }],
    ] as const) {
      expect(() => offeredActivityParameter(nothing, kind, parameter)).toThrow(BadInput);
    }
  });

  it('normalizes the settings of an offered kind and names the wrong fields', () => {
    const deps = { twitter: x, social: { discord, telegram: null } };
    expect(
      offeredActivityParameter(deps, 'x_follow', { accountId: ' 42 ', handle: '@Puffy', review: true }),
    ).toEqual({
      accountId: '42',
      handle: 'Puffy',
      review: true,
    });
    expect(offeredActivityParameter(deps, 'x_tag_post', { hashtag: '#Drop' })).toEqual({ hashtag: 'Drop' });
    let error: unknown;
    try {
      offeredActivityParameter(deps, 'discord_role', { guildId: 'abc', guildName: 'Puffy' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BadInput);
    expect(Object.keys((error as BadInput).options.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(['activity.parameter.guildId', 'activity.parameter.roleId']),
    );
    expect(() => offeredActivityParameter(deps, 'x_tag_post', {})).toThrow(BadInput);
    // Other kinds keep whatever the operator set.
    expect(offeredActivityParameter(nothing, 'manual', { anything: 1 })).toEqual({ anything: 1 });
  });
});
