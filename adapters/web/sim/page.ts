import type { Route } from '../../../src/server/http.js';
import type { WebDeps } from '../context.js';
import { html } from '../http/html.js';
import { layout } from '../http/layout.js';
import { sendPage } from '../http/respond.js';

// GET /: the simulator. Three panes side by side, each styled after the messenger it stands
// in for; the frame is served here and the client (client/sim.ts) fills and drives the panes.

export function simPage(deps: WebDeps): Route {
  return {
    method: 'GET',
    path: '/',
    async handler(req, res) {
      const session = await deps.sessions.ensure(req, res);
      const viewer = session.accountId ? await deps.accounts.viewer(session.accountId) : null;
      const page = layout({
        title: 'シミュレーター', assets: deps.assets, csrfToken: session.csrfToken, scripts: ['sim.js'], current: 'simulator', bodyClass: 'sim',
        nav: { simulator: true, signedInAs: viewer?.displayName ?? null },
      }, html`
<div class="sim-intro">
  <h1>bansou シミュレーター</h1>
  <p>経営者（LINE）・支援者（Slack）・コーディネーター（Teams）の3つの画面で、同じ案件の流れを試せます。メッセンジャーのアカウントは不要です。</p>
  <button type="button" id="load-sample" class="button">サンプルデータを読み込む</button>
  <div id="notice" class="notice" role="status" aria-live="polite"></div>
</div>
<noscript><p class="notice">シミュレーターの操作には JavaScript が必要です。ダッシュボードは JavaScript なしで使えます。</p></noscript>
<div class="panes">
  <section class="pane line" aria-labelledby="line-title">
    <header class="line-head">
      <h2 id="line-title">経営者<span class="via">LINE</span></h2>
      <button type="button" id="new-owner" class="line-new">新しい相談者で始める</button>
    </header>
    <div class="line-chat" id="owner-log" role="log" aria-live="polite" aria-label="経営者とのトーク"></div>
    <div class="line-quick" id="owner-quick" role="group" aria-label="クイックリプライ"></div>
    <form class="line-input" id="owner-form">
      <label for="owner-text" class="visually-hidden">メッセージ</label>
      <textarea id="owner-text" name="text" rows="1" maxlength="5000" placeholder="メッセージを入力" autocomplete="off" required></textarea>
      <button type="submit" class="line-send">送信</button>
    </form>
  </section>
  <section class="pane slack" aria-labelledby="slack-title">
    <header class="slack-head">
      <h2 id="slack-title">支援者<span class="via">Slack</span></h2>
      <label class="slack-channel"><span class="visually-hidden">チャンネル</span><select id="slack-channel"></select></label>
      <p class="actor" id="slack-actor"></p>
    </header>
    <div class="slack-log" id="slack-log" role="log" aria-live="polite" aria-label="Slack チャンネル"></div>
  </section>
  <section class="pane teams" aria-labelledby="teams-title">
    <header class="teams-head">
      <h2 id="teams-title">コーディネーター<span class="via">Teams</span></h2>
      <p class="actor" id="teams-actor"></p>
    </header>
    <div class="teams-log" id="teams-log" role="log" aria-live="polite" aria-label="Teams チャット"></div>
  </section>
</div>
<dialog id="action-dialog" aria-labelledby="action-dialog-title">
  <form method="dialog" id="action-form">
    <h2 id="action-dialog-title"></h2>
    <div id="action-fields"></div>
    <div class="dialog-buttons">
      <button type="button" value="cancel" class="button secondary" id="action-cancel">キャンセル</button>
      <button type="submit" value="ok" class="button">送信</button>
    </div>
  </form>
</dialog>`);
      sendPage(req, res, 200, page);
    },
  };
}
