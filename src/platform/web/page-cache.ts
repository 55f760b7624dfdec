/**
 * A cache of rendered public pages (and their CSV downloads), kept in memory and keyed by URL.
 * An entry is served only while the database's data version is the one it was rendered under,
 * so a page never outlives the data it shows (see platform/db/data-version.ts).
 *
 * Only anonymous GET and HEAD requests use it: a request with a cookie or an Authorization header
 * may be personalised, and one with `Cache-Control: no-cache` asks for a fresh rendering. Only 200
 * answers are kept, with their headers. Each entry is compressed once (brotli and gzip) and served in
 * the encoding the request accepts, with an ETag for conditional requests. Pages carry no
 * per-response secret (the policy allows the layout's inline script by hash), so the same bytes and
 * headers can go to every reader.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PAGE_VARY } from './pages.ts';

export interface PageCacheOptions {
  /** the database's data version (platform/db/data-version.ts) */
  version: () => Promise<string>;
  /** the most the entries may hold, in bytes (bodies in every encoding); 0 turns the cache off */
  maxBytes: number;
}

export type Encoding = 'br' | 'gzip' | 'identity';

export interface CachedPage {
  version: string;
  bodies: Record<Encoding, Buffer>;
  bytes: number;
  etag: string;
  headers: Record<string, string>;
}

/** Headers an entry does not keep: they belong to one response or are set when it is served. */
const UNKEPT_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'etag',
  'vary',
  'x-page-cache',
  'date',
  'connection',
  'keep-alive',
  'set-cookie',
  'transfer-encoding',
]);
/** One page may use at most this share of the cache. */
const MAX_ENTRY_SHARE = 8;
/** Bodies smaller than this are not worth compressing. */
const COMPRESS_FROM_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Least recently used entries go first once the bytes held exceed the limit. */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, version: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  set(key: string, entry: CachedPage): void {
    if (entry.bytes > this.maxBytes / MAX_ENTRY_SHARE) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }
}

const pending = new WeakMap<FastifyRequest, string>();

/** Adds the cache to the routes of `app` (call inside the encapsulated context of the public pages). */
export function registerPageCache(app: FastifyInstance, options: PageCacheOptions): PageCache | null {
  if (options.maxBytes <= 0) return null;
  const cache = new PageCache(options.maxBytes);
  app.addHook('onRequest', async (request, reply) => {
    if (!cacheable(request)) return;
    const version = await options.version();
    const entry = cache.get(request.url, version);
    if (!entry) {
      pending.set(request, version);
      return;
    }
    return serve(request, reply.header('x-page-cache', 'hit'), entry);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const version = pending.get(request);
    if (version === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const entry = await cachedPage(reply, version, payload);
    cache.set(request.url, entry);
    reply.header('x-page-cache', 'miss');
    return encoded(request, reply, entry);
  });
  return cache;
}

function cacheable(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const h = request.headers;
  if (h.cookie !== undefined || h.authorization !== undefined) return false;
  return !/\bno-cache\b|\bno-store\b/.test(h['cache-control'] ?? '') && h.pragma !== 'no-cache';
}

async function cachedPage(reply: FastifyReply, version: string, body: string): Promise<CachedPage> {
  // the page's security headers too: they are the same for every reader (no per-response nonce)
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders()))
    if (value !== undefined && !UNKEPT_HEADERS.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  const identity = Buffer.from(body, 'utf8');
  const small = identity.length < COMPRESS_FROM_BYTES;
  const [br, gz] = small
    ? [identity, identity]
    : await Promise.all([
        brotli(identity, {
          params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length },
        }),
        gzipped(identity, { level: 6 }),
      ]);
  const etag = `W/"${createHash('sha256').update(version).update(identity).digest('base64url').slice(0, 22)}"`;
  return {
    version,
    bodies: small ? { br: identity, gzip: identity, identity } : { br, gzip: gz, identity },
    bytes: identity.length + (small ? 0 : br.length + gz.length),
    etag,
    headers,
  };
}

function serve(request: FastifyRequest, reply: FastifyReply, entry: CachedPage): FastifyReply {
  reply.headers(entry.headers);
  if (notModified(request, entry)) return reply.code(304).header('etag', entry.etag).header('vary', PAGE_VARY).send();
  return reply.code(200).send(encoded(request, reply, entry));
}

/** The entry's body in the best encoding the request accepts, with its headers set. */
function encoded(request: FastifyRequest, reply: FastifyReply, entry: CachedPage): Buffer {
  const encoding = entry.bodies.br === entry.bodies.identity ? 'identity' : chooseEncoding(request.headers['accept-encoding']);
  reply.header('etag', entry.etag).header('vary', PAGE_VARY);
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return entry.bodies[encoding];
}

/** brotli, else gzip, else none, as the Accept-Encoding header allows (`;q=0` refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

function notModified(request: FastifyRequest, entry: CachedPage): boolean {
  const given = request.headers['if-none-match'];
  return given !== undefined && given.split(/\s*,\s*/).includes(entry.etag);
}
