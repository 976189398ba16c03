import { join } from 'node:path';
import { repoRoot } from '../../src/core/repo-root.js';
import { createPrismaDashboardStore } from '../../src/db/prisma-dashboard-store.js';
import type { AdapterContext, ChannelAdapter } from '../../src/server/channel-adapter.js';
import type { Route } from '../../src/server/http.js';
import { createSessionManager } from './auth/sessions.js';
import type { WebDeps } from './context.js';
import { dashboardRoutes } from './dashboard/pages.js';
import { signinRoutes } from './dashboard/signin.js';
import { redirect } from './http/respond.js';
import { assetRoutes, loadAssets } from './http/static.js';
import { simRoutes } from './sim/api.js';
import { simPage } from './sim/page.js';
import { createPaneSender } from './sim/sender.js';
import { createPrismaAccountStore, createPrismaSessionStore } from './store/prisma-web-store.js';
import { createPrismaPaneStore } from './store/prisma-pane-store.js';

// The local web console, the fourth adapter and always on: the coordinators' dashboard, and
// (outside production) the simulator, whose panes stand in for LINE, Slack and Teams. For each
// member messenger no real adapter serves (`claimed`), it registers itself as that channel's
// sender, so the panes show exactly what the real notices would post.

const PURGE_EVERY_MS = 60 * 60 * 1000;
const RECOVER_OLDER_THAN_MS = 60_000;
const SIMULATED = ['slack', 'teams'] as const;

export function createWebAdapters(ctx: AdapterContext, claimed: ReadonlySet<string>): ChannelAdapter[] {
  const { app, config, log } = ctx;
  const prisma = app.db.prisma;
  const root = repoRoot();
  const assets = loadAssets([join(root, 'adapters/web/public'), join(root, 'dist/adapters/web/client')], log);
  const panes = createPrismaPaneStore(prisma);
  const deps: WebDeps = { app, config, log, assets, panes, sessions: createSessionManager(createPrismaSessionStore(prisma)), accounts: createPrismaAccountStore(prisma) };
  const simulated = config.simulator ? SIMULATED.filter((c) => !claimed.has(c)) : [];
  const sender = createPaneSender(panes);

  const home: Route[] = config.simulator
    ? [simPage(deps), ...simRoutes(deps, new Set(simulated))]
    : [{ method: 'GET', path: '/', handler: (_req, res) => redirect(res, '/dashboard') }];
  const routes = [...assetRoutes(assets), ...home, ...signinRoutes(deps), ...dashboardRoutes(deps, createPrismaDashboardStore(prisma))];
  let purge: NodeJS.Timeout | undefined;

  const web: ChannelAdapter = {
    channel: 'web',
    routes,
    sender,
    async start() {
      await deps.sessions.purgeExpired();
      purge = setInterval(() => void deps.sessions.purgeExpired().catch((err: unknown) => log.warn({ err }, 'session purge failed')), PURGE_EVERY_MS);
      purge.unref();
      // An owner message stored but never answered (the last process stopped mid-turn).
      for (const { message, messageId } of await app.store.unprocessedInbound('web', RECOVER_OLDER_THAN_MS)) {
        await app.owners.process(message, messageId, { address: { kind: 'web_session', sessionId: message.sender.externalId } });
      }
    },
    async stop() {
      if (purge) clearInterval(purge);
    },
  };
  if (simulated.length) log.info({ channels: simulated }, 'web console simulates these messengers (no real adapter configured)');
  return [web, ...simulated.map((channel) => ({ channel, routes: [], sender }))];
}
