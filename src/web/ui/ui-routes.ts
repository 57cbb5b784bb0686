import type { FastifyInstance } from 'fastify';
import { UI_CSS, UI_HTML } from './ui-shell.js';
import { CLIENT_CORE_JS } from './client-core.js';
import { CLIENT_ASSIGNMENTS_JS } from './client-assignments.js';
import { CLIENT_ADMIN_JS } from './client-admin.js';
import { FAVICON_ICO, FAVICON_PNG } from './favicon.js';

const APP_JS = [CLIENT_CORE_JS, CLIENT_ASSIGNMENTS_JS, CLIENT_ADMIN_JS].join('\n');
// No inline script; the page is never framed by another site (the UI holds the login token).
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/**
 * The instructor and administrator UI: one page (`/app/`) whose script talks to the native API
 * with the login token (kept in sessionStorage). Served by the same process, no CDN.
 */
export function uiRoutes(app: FastifyInstance): void {
  app.get('/', async (_req, reply) => reply.redirect('/app/', 302));
  app.get('/app', async (_req, reply) => reply.redirect('/app/', 301));
  app.get('/app/', async (_req, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', CSP).header('cache-control', 'no-cache').send(UI_HTML));
  app.get('/app/app.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(APP_JS));
  app.get('/favicon.ico', async (_req, reply) => reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(FAVICON_ICO));
  app.get('/app/icon.png', async (_req, reply) => reply.type('image/png').header('cache-control', 'public, max-age=86400').send(FAVICON_PNG));
  app.get('/app/app.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(UI_CSS));
}
