import { html, type Html, type Part } from './html.js';
import { assetUrl, type Assets } from './static.js';

// The frame every console page shares: Japanese, one stylesheet, a skip link, and the
// session's CSRF token for the scripts that post.

export interface LayoutOptions {
  title: string;
  assets: Assets;
  csrfToken?: string;
  /** Module script names under /assets. */
  scripts?: string[];
  nav: { simulator: boolean; signedInAs?: string | null };
  current: 'simulator' | 'dashboard' | 'signin';
  bodyClass?: string;
}

export function layout(o: LayoutOptions, main: Part): Html {
  const link = (href: string, label: string, key: LayoutOptions['current']) =>
    html`<a href="${href}"${o.current === key ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title}｜bansou（伴走）</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetUrl(o.assets, 'app.css')}">
${o.csrfToken ? html`<meta name="csrf-token" content="${o.csrfToken}">` : ''}
${(o.scripts ?? []).map((s) => html`<script type="module" src="${assetUrl(o.assets, s)}"></script>`)}
</head>
<body class="${o.bodyClass ?? ''}">
<a class="skip" href="#main">本文へ移動</a>
<header class="topbar">
  <p class="brand">bansou<span>（伴走）</span>コンソール</p>
  <nav aria-label="コンソール">
    ${o.nav.simulator ? link('/', 'シミュレーター', 'simulator') : ''}
    ${link('/dashboard', 'ダッシュボード', 'dashboard')}
  </nav>
  ${o.nav.signedInAs ? html`<form class="signout" method="post" action="/signout">
    <input type="hidden" name="_csrf" value="${o.csrfToken ?? ''}">
    <span>${o.nav.signedInAs}</span> <button type="submit" class="link">サインアウト</button>
  </form>` : ''}
</header>
<main id="main" tabindex="-1">
${main}
</main>
</body>
</html>`;
}
