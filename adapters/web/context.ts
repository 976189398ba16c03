import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config/config.js';
import { checkCsrf, CSRF_FIELD, CSRF_HEADER } from './auth/csrf.js';
import type { SessionManager } from './auth/sessions.js';
import { html } from './http/html.js';
import { layout } from './http/layout.js';
import { BadRequest, readFields, sendData, sendPage } from './http/respond.js';
import type { Assets } from './http/static.js';
import type { AccountStore, PaneStore, SessionRecord } from './ports.js';

// What every route of the web console is given, and the one gate all POSTs pass through.

export interface WebDeps {
  app: App;
  config: Config;
  log: Logger;
  assets: Assets;
  sessions: SessionManager;
  accounts: AccountStore;
  panes: PaneStore;
}

export interface Posted {
  session: SessionRecord;
  fields: Record<string, unknown>;
}

/**
 * Reads a POST and checks its CSRF token and origin; on failure it answers (403 and nothing
 * changed) and returns null. `kind` picks the answer's form: JSON for the simulator's API, a
 * page for forms.
 */
export async function readPost(deps: WebDeps, req: IncomingMessage, res: ServerResponse, kind: 'json' | 'page'): Promise<Posted | null> {
  let fields: Record<string, unknown>;
  try {
    fields = await readFields(req);
  } catch (e) {
    if (!(e instanceof BadRequest)) throw e;
    if (kind === 'json') sendData(req, res, e.status, { error: e.message });
    else sendPage(req, res, e.status, layout({ title: 'エラー', assets: deps.assets, nav: { simulator: deps.config.simulator }, current: 'signin' }, html`<h1>送信内容を読み取れませんでした</h1>`));
    return null;
  }
  const session = await deps.sessions.resolve(req);
  const verdict = checkCsrf(req, session?.csrfToken ?? null, fields[CSRF_FIELD] ?? req.headers[CSRF_HEADER]);
  if (verdict !== 'ok' || !session) {
    deps.log.warn({ path: req.url, verdict }, 'web console request refused: CSRF check failed');
    if (kind === 'json') sendData(req, res, 403, { error: 'csrf', verdict });
    else {
      sendPage(req, res, 403, layout({ title: '送信できませんでした', assets: deps.assets, nav: { simulator: deps.config.simulator }, current: 'signin' }, html`
        <h1>送信できませんでした</h1>
        <p>ページの有効期限が切れたか、別のサイトから送られたリクエストです。お手数ですが、ページを開き直してからもう一度お試しください。</p>
        <p><a href="/">コンソールに戻る</a></p>`));
    }
    return null;
  }
  return { session, fields };
}
