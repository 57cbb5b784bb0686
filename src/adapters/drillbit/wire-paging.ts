import type { FastifyRequest } from 'fastify';
import { looseInt, looseString } from '../shared/index.js';
import type { Link, PageWire } from './wire-types.js';
import { linkOrigin } from '../../api/trusted-proxies.js';

export interface PageParams {
  page: number;
  size: number;
  field: string;
  desc: boolean;
}

/** `page` (0-based), `size` (default 24), `field`, `orderBy` (asc | desc, default desc). */
export function pageParams(params: Record<string, unknown>, defaultField: string): PageParams {
  const page = Math.max(looseInt(params.page) ?? 0, 0);
  const size = Math.min(Math.max(looseInt(params.size) ?? 24, 1), 500);
  const field = looseString(params.field)?.trim() || defaultField;
  const desc = (looseString(params.orderBy) ?? 'desc').trim().toLowerCase() !== 'asc';
  return { page, size, field, desc };
}

type Key = string | number;

/** Sorts by the requested field (unknown fields sort by `fallback`) and cuts the requested page. */
export function sortAndPage<T>(items: T[], p: PageParams, keys: Record<string, (t: T) => Key>, fallback: string): { content: T[]; page: PageWire } {
  const key = keys[p.field] ?? keys[fallback];
  const sorted = [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return p.desc ? -c : c;
  });
  const totalElements = items.length;
  return {
    content: sorted.slice(p.page * p.size, p.page * p.size + p.size),
    page: { size: p.size, totalElements, totalPages: Math.ceil(totalElements / p.size), number: p.page },
  };
}

/** Spring HATEOAS-style links of a page: self, and next/prev where they exist. */
export function pageLinks(selfUrl: string, p: PageParams, page: PageWire): Link[] {
  const at = (n: number) => {
    const u = new URL(selfUrl);
    u.searchParams.set('page', String(n));
    u.searchParams.set('size', String(p.size));
    u.searchParams.set('field', p.field);
    u.searchParams.set('orderBy', p.desc ? 'desc' : 'asc');
    return u.toString();
  };
  const links: Link[] = [{ rel: 'self', href: at(p.page) }];
  if (p.page > 0) links.push({ rel: 'prev', href: at(p.page - 1) });
  if (p.page + 1 < page.totalPages) links.push({ rel: 'next', href: at(p.page + 1) });
  return links;
}

/** Base URL of the DrillBit API as the client reached it (or ORIGO_PUBLIC_URL), with the mount prefix. */
export function baseUrl(req: FastifyRequest, publicUrl: string | null, prefix: string): string {
  const origin = linkOrigin(req, publicUrl);
  return `${origin}${prefix}`;
}
