import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DashboardScope } from '../../../src/core/dashboard/ports.js';
import { mayUseDashboard } from '../auth/accounts.js';
import type { WebDeps } from '../context.js';
import { html } from '../http/html.js';
import { layout } from '../http/layout.js';
import { redirect, sendPage } from '../http/respond.js';
import type { SessionRecord, Viewer } from '../ports.js';

// The dashboard's door: signed in, as a coordinator of a hub, and then only that hub's network.

export interface Signed {
  session: SessionRecord;
  viewer: Viewer;
  scope: DashboardScope;
}

/** Only paths of the dashboard itself may be a destination after sign-in (no open redirect). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/dashboard(?:[/?][^\\]*)?$/.test(next) && !next.startsWith('//') ? next : '/dashboard';
}

export async function requireCoordinator(deps: WebDeps, req: IncomingMessage, res: ServerResponse): Promise<Signed | null> {
  const session = await deps.sessions.ensure(req, res);
  const viewer = session.accountId ? await deps.accounts.viewer(session.accountId) : null;
  if (!viewer) {
    redirect(res, `/signin?next=${encodeURIComponent(safeNext(req.url))}`);
    return null;
  }
  if (!mayUseDashboard(viewer)) {
    sendPage(req, res, 403, layout({
      title: '閲覧できません', assets: deps.assets, csrfToken: session.csrfToken, current: 'dashboard',
      nav: { simulator: deps.config.simulator, signedInAs: viewer.displayName },
    }, html`<h1>このページは閲覧できません</h1>
      <p>ダッシュボードは、支援ネットワークの拠点に所属するコーディネーターのみが利用できます。</p>`));
    return null;
  }
  return { session, viewer, scope: { networkId: viewer.networkId } };
}
