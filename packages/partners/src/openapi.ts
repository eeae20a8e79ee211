import { type ZodType, z } from 'zod';

/**
 * The partner API's OpenAPI 3.1 document, built from the same zod schemas the routes validate with
 * (docs/product/partners.md), so the document cannot drift from what the server accepts and answers.
 * OpenAPI 3.1 schemas are JSON Schema 2020-12, which zod writes natively.
 */
export interface PartnerRoute {
  method: 'get' | 'post';
  /** OpenAPI path, parameters in braces: `/v1/campaigns/{campaignId}/eligibility`. */
  path: string;
  operationId: string;
  summary: string;
  scope: string;
  pathParams?: ZodType;
  query?: ZodType;
  body?: ZodType;
  response: ZodType;
}

type JsonSchema = { properties?: Record<string, unknown>; required?: string[] } & Record<string, unknown>;
type JsonBody = { 'application/json': { schema: unknown } };

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  security: Array<Record<string, never[]>>;
  parameters: Array<{ name: string; in: 'path' | 'query'; required: boolean; schema: unknown }>;
  requestBody?: { required: true; content: JsonBody };
  responses: Record<string, { description: string; content: JsonBody }>;
}

const schemaOf = (schema: ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return rest as JsonSchema;
};

function parameters(schema: ZodType | undefined, where: 'path' | 'query'): OpenApiOperation['parameters'] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input');
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const ERROR = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' } },
    },
  },
};

const json = (schema: unknown): JsonBody => ({ 'application/json': { schema } });

/** The refusals every route may answer with, all in the one error body. */
const ERROR_RESPONSES: OpenApiOperation['responses'] = Object.fromEntries(
  Object.entries({
    '400': 'The request is malformed.',
    '401': 'No key, or not a valid one.',
    '403': 'The key does not allow this.',
    '429': 'Too many requests for this key.',
  }).map(([status, description]) => [status, { description, content: json(ERROR) }]),
);

export function partnerOpenApi(options: {
  version: string;
  serverUrl: string;
  routes: readonly PartnerRoute[];
}) {
  const paths: Record<string, Partial<Record<PartnerRoute['method'], OpenApiOperation>>> = {};
  for (const route of options.routes) {
    const operations = paths[route.path] ?? {};
    paths[route.path] = operations;
    operations[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      description: `Needs a key with the \`${route.scope}\` scope.`,
      security: [{ partnerKey: [] }],
      parameters: [...parameters(route.pathParams, 'path'), ...parameters(route.query, 'query')],
      ...(route.body
        ? { requestBody: { required: true, content: json(schemaOf(route.body, 'input')) } }
        : {}),
      responses: {
        '200': { description: 'OK', content: json(schemaOf(route.response, 'output')) },
        ...ERROR_RESPONSES,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Puffy Reward Center partner API', version: options.version },
    servers: [{ url: options.serverUrl }],
    components: {
      securitySchemes: { partnerKey: { type: 'http', scheme: 'bearer', description: 'puffy_<id>_<secret>' } },
    },
    paths,
  };
}
