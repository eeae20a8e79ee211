import { ZIsoCountry, ZReferralCodeText } from '@puffy/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { i18n } from '../src/i18n';
import { issueInWords } from '../src/lib/issue-words';

const firstIssue = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0];

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('issueInWords (a form checked with a contracts schema in the browser)', () => {
  it('keeps the schema’s own sentence in English, and never zod’s wording', () => {
    expect(issueInWords(firstIssue(ZReferralCodeText, 'ab'))).toBe(
      'A referral code has at least 4 characters.',
    );
    expect(issueInWords(firstIssue(z.string().min(2), 'a'))).toBe('Use at least 2 characters.');
    expect(issueInWords(firstIssue(z.number().lt(5), 7))).toBe('Use less than 5.');
    expect(issueInWords(firstIssue(z.array(z.string()).max(3), ['a', 'b', 'c', 'd']))).toBe('Use at most 3.');
  });

  it('words the issue from its kind and bound in German, or leaves it to the form’s own words', async () => {
    await i18n.changeLanguage('de');
    expect(issueInWords(firstIssue(ZReferralCodeText, 'ab'))).toBe('Verwende mindestens 4 Zeichen.');
    expect(issueInWords(firstIssue(z.string().max(32), 'x'.repeat(40)))).toBe(
      'Verwende höchstens 32 Zeichen.',
    );
    expect(issueInWords(firstIssue(z.email(), 'nope'))).toBe('Gib eine gültige E-Mail-Adresse ein.');
    expect(issueInWords(firstIssue(z.enum(['a', 'b']), 'c'))).toBe('Wähle eine der angebotenen Optionen.');
    expect(issueInWords(firstIssue(ZIsoCountry, 'eu'))).toBe('Bitte prüfe das.');
    expect(issueInWords(firstIssue(ZIsoCountry, 'eu'), 'Kein Ländercode.')).toBe('Kein Ländercode.');
  });
});
