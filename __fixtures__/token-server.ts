// A token server for the test registry with Bearer auth (scripts/test-env.sh): it answers
// GET /token?service=...&scope=repository:NAME:ACTIONS as Docker Hub's and SWR's do, with a JWT
// signed by the key whose certificate the registry trusts (the certificate goes in the x5c
// header, which distribution verifies against its rootcertbundle). A login gets the actions it
// asks for; anonymous callers get pull on repositories under public/ only. It also takes
// OAuth2's refresh_token grant (POST /token, a form), as the token servers that issue Docker
// identity tokens do (Azure Container Registry's).
import { createSign, randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';

export interface TokenServer {
  /** Every request: its scopes, and who asked (a user, or "anonymous"); `grant` for a refresh-token POST. */
  requests: { user: string; scopes: string[]; grant?: 'refresh_token'; authorization?: string }[];
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export async function startTokenServer(options: {
  listen: string;
  keyFile: string;
  certFile: string;
  users: Record<string, string>;
  /** Refresh tokens (identity tokens) and the user each one stands for. */
  refreshTokens?: Record<string, string>;
}): Promise<TokenServer> {
  const key = readFileSync(options.keyFile, 'utf8');
  const cert = new X509Certificate(readFileSync(options.certFile));
  const requests: TokenServer['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://token');
    if (url.pathname !== '/token') return void res.writeHead(404).end();
    let user: string | undefined | null;
    let scopes: string[];
    let service: string | null;
    if (req.method === 'POST') {
      const form = new URLSearchParams(await bodyOf(req));
      const refreshToken = form.get('refresh_token') ?? '';
      user = form.get('grant_type') === 'refresh_token' ? (options.refreshTokens?.[refreshToken] ?? null) : null;
      scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
      service = form.get('service');
      requests.push({ user: user ?? 'refused', scopes, grant: 'refresh_token', ...authorizationOf(req.headers) });
      if (user === null) return void res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":"invalid_grant"}');
    } else {
      user = userOf(req, options.users);
      if (user === null) return void res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"details":"wrong credentials"}');
      scopes = url.searchParams.getAll('scope');
      service = url.searchParams.get('service');
      requests.push({ user: user ?? 'anonymous', scopes });
    }
    const access = scopes.flatMap((scope) => {
      const [type, name, actions] = scope.split(':');
      if (type !== 'repository' || !name) return [];
      const granted = (actions ?? '').split(',').filter((a) => user !== undefined || (a === 'pull' && name.startsWith('public/')));
      return [{ type, name, actions: granted }];
    });
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c: [cert.raw.toString('base64')] };
    const claims = {
      iss: 'mic-test-token-server',
      sub: user ?? '',
      aud: service ?? '',
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access
    };
    const unsigned = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const token = `${unsigned}.${b64url(createSign('RSA-SHA256').update(unsigned).sign(key))}`;
    const answer = req.method === 'POST' ? { access_token: token } : { token };
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ...answer, expires_in: 300, issued_at: new Date().toISOString() }));
  });
  const [host, port] = options.listen.split(':');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), host, resolve);
  });
  return { requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The Authorization header a request came with, if any (a refresh-token grant needs none). */
function authorizationOf(headers: IncomingHttpHeaders): { authorization?: string } {
  return headers.authorization ? { authorization: headers.authorization } : {};
}

/** The user a request logs in as: undefined when anonymous, null when the password is wrong. */
function userOf(req: IncomingMessage, users: Record<string, string>): string | undefined | null {
  const auth = req.headers.authorization;
  if (!auth) return undefined;
  const m = /^Basic (.+)$/.exec(auth);
  if (!m) return null;
  const [user, ...rest] = Buffer.from(m[1], 'base64').toString('utf8').split(':');
  return users[user] !== undefined && users[user] === rest.join(':') ? user : null;
}
