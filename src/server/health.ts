import type { App } from '../app.js';
import { sendJson, type Route } from './http.js';

/** Readiness: 200 once the database answers and migrations are applied, 503 otherwise. */
export function healthRoute(app: App, version: string): Route {
  return {
    method: 'GET',
    path: '/healthz',
    async handler(_req, res) {
      try {
        const { rows } = await app.db.pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        );
        sendJson(res, 200, { status: 'ok', version, database: app.db.kind, migrations: rows[0]?.n ?? 0 });
      } catch {
        sendJson(res, 503, { status: 'unavailable', database: app.db.kind });
      }
    },
  };
}
