import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from '../../../src/server/http.js';
import { authenticate } from '../auth/accounts.js';
import { readPost, type WebDeps } from '../context.js';
import { html } from '../http/html.js';
import { layout } from '../http/layout.js';
import { queryOf, redirect, sendPage } from '../http/respond.js';
import type { SessionRecord } from '../ports.js';
import { safeNext } from './access.js';

// Sign-in to the dashboard with a local account (bansou account add). One answer for every
// failure, so the form does not tell which emails have accounts.

const FAILED = 'サインインできませんでした。メールアドレスとパスワードをご確認ください。続けて失敗すると、しばらくの間サインインできなくなります。';

function form(deps: WebDeps, req: IncomingMessage, res: ServerResponse, session: SessionRecord, o: { status: number; next: string; email?: string; error?: string }): void {
  sendPage(req, res, o.status, layout({ title: 'サインイン', assets: deps.assets, csrfToken: session.csrfToken, current: 'signin', nav: { simulator: deps.config.simulator } }, html`
<div class="signin">
  <h1>コーディネーターのサインイン</h1>
  ${o.error ? html`<p class="error" role="alert" id="signin-error">${o.error}</p>` : ''}
  <form method="post" action="/signin" class="stack"${o.error ? html` aria-describedby="signin-error"` : ''}>
    <input type="hidden" name="_csrf" value="${session.csrfToken}">
    <input type="hidden" name="next" value="${o.next}">
    <label for="email">メールアドレス</label>
    <input id="email" name="email" type="email" autocomplete="username" required value="${o.email ?? ''}">
    <label for="password">パスワード</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit" class="button">サインイン</button>
  </form>
  <p class="hint">アカウントは管理者が <code>bansou account add</code> で作成します。${deps.config.simulator ? 'シミュレーターの「サンプルデータを読み込む」でも、サンプルのコーディネーターのアカウントが作られます。' : ''}</p>
</div>`));
}

export function signinRoutes(deps: WebDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/signin',
      async handler(req, res) {
        const session = await deps.sessions.ensure(req, res);
        const next = safeNext(queryOf(req).get('next'));
        if (session.accountId) return redirect(res, next);
        form(deps, req, res, session, { status: 200, next });
      },
    },
    {
      method: 'POST',
      path: '/signin',
      async handler(req, res) {
        const posted = await readPost(deps, req, res, 'page');
        if (!posted) return;
        const { fields, session } = posted;
        const email = typeof fields.email === 'string' ? fields.email.slice(0, 320) : '';
        const password = typeof fields.password === 'string' ? fields.password.slice(0, 1024) : '';
        const next = safeNext(fields.next);
        const result = await authenticate(deps.accounts, email, password);
        if (!result.ok) {
          deps.log.warn({ locked: result.locked }, 'dashboard sign-in failed');
          return form(deps, req, res, session, { status: 401, next, email, error: FAILED });
        }
        await deps.sessions.signIn(req, res, session, result.accountId);
        deps.log.info({ accountId: result.accountId }, 'dashboard sign-in');
        redirect(res, next);
      },
    },
    {
      method: 'POST',
      path: '/signout',
      async handler(req, res) {
        const posted = await readPost(deps, req, res, 'page');
        if (!posted) return;
        await deps.sessions.signOut(req, res, posted.session);
        redirect(res, '/signin');
      },
    },
  ];
}
