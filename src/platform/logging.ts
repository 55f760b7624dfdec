import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Query parameters whose values are secrets: one-time links (`?token=` of a password reset or an
 * invitation) arrive in the address, and the address is logged with every request.
 */
const SECRET_PARAMETERS = /^(token|password|secret|key|api_key|access_token)$/i;

/** The address with the values of secret query parameters replaced, for the log. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // a malformed name is logged as sent: it names nothing we treat as secret
      }
      return eq !== -1 && SECRET_PARAMETERS.test(decoded) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
}

/** What the log keeps of a request: as Fastify's own, but with secret query values removed. */
function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
  };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password'], remove: true },
      serializers: { req: serializeRequest },
    },
    destination as pino.DestinationStream | undefined,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
