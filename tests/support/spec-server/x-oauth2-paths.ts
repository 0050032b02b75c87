import type { PathItem } from './openapi'

/**
 * X's OpenAPI document names its token endpoint only in `securitySchemes` (tokenUrl
 * https://api.x.com/2/oauth2/token) and describes no request for it. These paths are written by
 * us from X's developer docs (fundamentals/authentication/oauth-2-0/user-access-token.mdx and
 * authorization-code.mdx, xdevplatform/docs): form-urlencoded; a public client sends its
 * client_id in the body; authorization_code needs code, redirect_uri and code_verifier;
 * refresh_token needs refresh_token. Closed bodies, so a misspelt field is caught.
 * They are added to the loaded X document (error body as `components.schemas.WerkschauOAuthError`).
 */
export const xOAuth2Paths: Record<string, PathItem> = {
  '/2/oauth2/token': {
    post: {
      operationId: 'werkschauOAuth2Token',
      security: [],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['grant_type'],
              properties: {
                grant_type: { type: 'string', enum: ['authorization_code', 'refresh_token'] },
                client_id: { type: 'string', minLength: 1 },
                code: { type: 'string', minLength: 1 },
                redirect_uri: { type: 'string', format: 'uri' },
                code_verifier: { type: 'string', minLength: 43, maxLength: 128 },
                refresh_token: { type: 'string', minLength: 1 },
              },
              oneOf: [
                {
                  properties: { grant_type: { const: 'authorization_code' } },
                  required: ['code', 'redirect_uri', 'code_verifier', 'client_id'],
                },
                {
                  properties: { grant_type: { const: 'refresh_token' } },
                  required: ['refresh_token', 'client_id'],
                },
              ],
            },
          },
        },
      },
      responses: {
        '200': {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['token_type', 'access_token', 'expires_in', 'scope'],
                properties: {
                  token_type: { type: 'string', enum: ['bearer'] },
                  access_token: { type: 'string', minLength: 1 },
                  expires_in: { type: 'integer', minimum: 1 },
                  scope: { type: 'string' },
                  refresh_token: { type: 'string', minLength: 1 },
                },
              },
            },
          },
        },
        '400': {
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/WerkschauOAuthError' } },
          },
        },
        '401': {
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/WerkschauOAuthError' } },
          },
        },
        '429': {},
        '503': {},
      },
    },
  },
  '/2/oauth2/revoke': {
    post: {
      operationId: 'werkschauOAuth2Revoke',
      security: [],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['token', 'client_id'],
              properties: {
                token: { type: 'string', minLength: 1 },
                client_id: { type: 'string', minLength: 1 },
                token_type_hint: { type: 'string', enum: ['access_token', 'refresh_token'] },
              },
            },
          },
        },
      },
      responses: { '200': {} },
    },
  },
}

/** RFC 6749 §5.2 error body, as X's token endpoint answers. */
export const xOAuthErrorSchema = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'string' }, error_description: { type: 'string' } },
}
