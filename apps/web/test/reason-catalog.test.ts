import { ERROR_REASON_PARAMS, ERROR_REASONS } from '@puffy/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../src/i18n';

/** The names a catalog sentence interpolates: `{{code}}` → code. */
const placeholders = (sentence: string): string[] =>
  [...sentence.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '');

describe('the refusal catalog (errors namespace)', () => {
  let sentences: Record<string, string> = {};
  beforeAll(async () => {
    await i18n.reloadResources(['de'], ['errors']);
    sentences = (i18n.getResourceBundle('de', 'errors') as { reason: Record<string, string> }).reason;
  });

  it('has a German sentence for every reason a refusal may name', () => {
    expect(ERROR_REASONS.length).toBeGreaterThan(100);
    expect(ERROR_REASONS.filter((reason) => !sentences[reason]?.trim())).toEqual([]);
  });

  it('has no sentence for a reason the server no longer names', () => {
    expect(Object.keys(sentences).filter((reason) => !(reason in ERROR_REASON_PARAMS))).toEqual([]);
  });

  it('shows only the values the server sends with that reason', () => {
    const unknown = ERROR_REASONS.flatMap((reason) => {
      const sent: readonly string[] = ERROR_REASON_PARAMS[reason];
      return placeholders(sentences[reason] ?? '')
        .filter((name) => !sent.includes(name))
        .map((name) => `${reason}: {{${name}}}`);
    });
    expect(unknown).toEqual([]);
  });
});
