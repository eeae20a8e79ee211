import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface XUser {
  id: string;
  username: string;
  name: string;
  profile_image_url: string;
}

interface Grant {
  codeChallenge: string;
  redirectUri: string;
  clientId: string;
  user: XUser;
}

const CLIENT_ID = 'puffy-test-client';
const CLIENT_SECRET = 'puffy-test-client-secret';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A local server speaking X's OAuth 2.0 token endpoint (PKCE S256, confidential client) and
 * `GET /2/users/me`, in X's JSON formats. `approve` plays the member clicking "Authorize app" on X.
 */
export async function startFakeX() {
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, XUser>();
  const requests: Array<{ path: string; form: URLSearchParams }> = [];

  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://x.test');
    if (req.method === 'POST' && url.pathname === '/2/oauth2/token') {
      const form = new URLSearchParams(await readBody(req));
      requests.push({ path: url.pathname, form });
      const expectedAuth = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
      if (req.headers.authorization !== expectedAuth) return send(401, { error: 'invalid_client' });
      const grant = grants.get(form.get('code') ?? '');
      grants.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        form.get('grant_type') !== 'authorization_code' ||
        !grant ||
        grant.codeChallenge !== challenge ||
        grant.redirectUri !== form.get('redirect_uri')
      ) {
        return send(400, {
          error: 'invalid_request',
          error_description: 'Value passed for the authorization code was invalid.',
        });
      }
      const accessToken = randomBytes(24).toString('base64url');
      tokens.set(accessToken, grant.user);
      return send(200, {
        token_type: 'bearer',
        expires_in: 7200,
        access_token: accessToken,
        scope: 'users.read tweet.read',
      });
    }
    if (req.method === 'GET' && url.pathname === '/2/users/me') {
      const user = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (!user)
        return send(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
      return send(200, { data: user });
    }
    send(404, { title: 'Not Found Error', status: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    requests,
    env: {
      X_CLIENT_ID: CLIENT_ID,
      X_CLIENT_SECRET: CLIENT_SECRET,
      X_AUTHORIZE_URL: `${baseUrl}/i/oauth2/authorize`,
      X_API_BASE_URL: baseUrl,
    },
    /** The member approves on X: returns the `code` X would send to the callback page. */
    approve(authorizeUrl: string, user: XUser): { code: string; state: string } {
      const url = new URL(authorizeUrl);
      const code = randomBytes(16).toString('base64url');
      grants.set(code, {
        codeChallenge: url.searchParams.get('code_challenge') ?? '',
        redirectUri: url.searchParams.get('redirect_uri') ?? '',
        clientId: url.searchParams.get('client_id') ?? '',
        user,
      });
      return { code, state: url.searchParams.get('state') ?? '' };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let userCounter = 0;
export function xUser(): XUser {
  userCounter += 1;
  const id = String(1_000_000_000 + Math.floor(Math.random() * 1e9) + userCounter);
  return {
    id,
    username: `puffyfan${userCounter}`,
    name: `Puffy Fan ${userCounter}`,
    profile_image_url: `https://pbs.twimg.com/profile_images/${id}/avatar_normal.jpg`,
  };
}
