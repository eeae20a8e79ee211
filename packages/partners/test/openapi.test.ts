import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type PartnerRoute, partnerOpenApi } from '../src';

const routes: PartnerRoute[] = [
  {
    method: 'get',
    path: '/v1/campaigns/{campaignId}/eligibility',
    operationId: 'getEligibility',
    summary: 'Whether a wallet is eligible for a campaign, and why',
    scope: 'eligibility:read',
    pathParams: z.object({ campaignId: z.coerce.number().int().positive() }),
    query: z.object({ wallet: z.string().min(20), chain: z.enum(['sol', 'evm', 'ton']).optional() }),
    response: z.object({ eligible: z.boolean(), reasons: z.array(z.string()) }),
  },
  {
    method: 'post',
    path: '/v1/campaigns/{campaignId}/tasks/{taskId}/complete',
    operationId: 'completeTask',
    summary: 'Complete a partner task for a member',
    scope: 'tasks:complete',
    pathParams: z.object({ campaignId: z.coerce.number().int(), taskId: z.coerce.number().int() }),
    body: z.object({ wallet: z.string(), note: z.string().max(200).optional() }),
    response: z.object({ completed: z.boolean(), points: z.number().int() }),
  },
];

describe('partnerOpenApi', () => {
  const doc = partnerOpenApi({ version: '1.0.0', serverUrl: 'https://rewards.example/api', routes });

  it('writes an OpenAPI 3.1 document whose schemas come from the routes’ zod schemas', () => {
    expect(doc.openapi).toBe('3.1.0');
    const get = doc.paths['/v1/campaigns/{campaignId}/eligibility']?.get;
    expect(get?.parameters).toEqual([
      {
        name: 'campaignId',
        in: 'path',
        required: true,
        schema: { type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 },
      },
      { name: 'wallet', in: 'query', required: true, schema: { type: 'string', minLength: 20 } },
      {
        name: 'chain',
        in: 'query',
        required: false,
        schema: { type: 'string', enum: ['sol', 'evm', 'ton'] },
      },
    ]);
    expect(get?.responses['200']?.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['eligible', 'reasons'],
    });
    expect(get?.description).toContain('eligibility:read');
    const post = doc.paths['/v1/campaigns/{campaignId}/tasks/{taskId}/complete']?.post;
    expect(post?.requestBody?.content['application/json'].schema).toMatchObject({
      required: ['wallet'],
      properties: { note: { type: 'string', maxLength: 200 } },
    });
  });

  it('is plain JSON: it survives a round trip unchanged, and names no JSON Schema dialect per schema', () => {
    const text = JSON.stringify(doc);
    expect(JSON.parse(text)).toEqual(doc);
    expect(text).not.toContain('$schema');
  });
});
