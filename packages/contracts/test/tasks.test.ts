import { describe, expect, it } from 'vitest';
import { ZCampaignActivityInput, ZOnchainParameter, ZQuizParameter, ZVisitLinkParameter } from '../src';

const question = { prompt: 'Which?', choices: ['a', 'b', 'c'], correct: [1] };

describe('task parameters', () => {
  it('a quiz marks right answers among its choices, exactly one for a single-choice question', () => {
    expect(ZQuizParameter.parse({ questions: [question] })).toEqual({
      questions: [{ ...question, multiple: false }],
      passPercent: 100,
      maxAttempts: 3,
    });
    for (const bad of [
      { ...question, correct: [3] },
      { ...question, correct: [0, 1] },
      { ...question, correct: [1, 1], multiple: true },
      { ...question, correct: [] },
      { ...question, choices: ['only'] },
    ])
      expect(ZQuizParameter.safeParse({ questions: [bad] }).success, JSON.stringify(bad)).toBe(false);
    expect(ZQuizParameter.safeParse({ questions: [] }).success).toBe(false);
    expect(ZQuizParameter.safeParse({ questions: [question], maxAttempts: 0 }).success).toBe(false);
  });

  it('a link leads only to http(s)', () => {
    expect(ZVisitLinkParameter.safeParse({ url: 'https://example.org/a?b=1' }).success).toBe(true);
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.org', 'example.org', ''])
      expect(ZVisitLinkParameter.safeParse({ url }).success, url).toBe(false);
  });

  it('an on-chain task names a base58 program and a whole number of lamports', () => {
    const programId = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';
    expect(ZOnchainParameter.parse({ programId, minLamports: '1000' })).toEqual({
      network: 'sol',
      programId,
      minLamports: '1000',
    });
    expect(ZOnchainParameter.safeParse({ programId: '0xdeadbeef' }).success).toBe(false);
    expect(ZOnchainParameter.safeParse({ programId, minLamports: '1.5' }).success).toBe(false);
  });

  it('an operator cannot save a task whose settings do not read, and is told which field', () => {
    const input = (kind: string, parameter: unknown) => ({
      campaignId: 1,
      points: 10,
      activity: { kind, name: 'Task', parameter },
    });
    const refused = ZCampaignActivityInput.safeParse(input('visit_link', { url: 'javascript:alert(1)' }));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path)).toEqual([['activity', 'parameter', 'url']]);
    expect(ZCampaignActivityInput.safeParse(input('quiz', { questions: [question] })).success).toBe(true);
    // Kinds that are not tasks keep their free-form parameter.
    expect(ZCampaignActivityInput.safeParse(input('manual', { anything: true })).success).toBe(true);
  });
});
