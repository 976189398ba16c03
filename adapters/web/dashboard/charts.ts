import type { Count, FunnelStage } from '../../../src/core/dashboard/aggregate.js';
import { escapeHtml, trusted, type Html } from '../http/html.js';

// Charts as inline SVG built on the server: no chart library, nothing to download, readable
// without JavaScript. Colours are attributes (the CSP forbids inline styles); every chart is
// labelled and sits next to a table with the same numbers for screen readers.

const W = 640;
const ROW = 38;
const GAP = 6;

/**
 * Bars narrowing down the pipeline, centred like a funnel: the width is the share of cases that
 * reached the stage. Labels and counts sit outside the bars, dark on light, for contrast.
 */
export function funnelSvg(stages: FunnelStage[]): Html {
  const max = Math.max(1, ...stages.map((s) => s.reached));
  const height = stages.length * (ROW + GAP);
  const LABEL_W = 190;
  const COUNT_W = 60;
  const area = W - LABEL_W - COUNT_W;
  const rows = stages.map((s, i) => {
    const w = s.reached === 0 ? 3 : Math.max(24, Math.round((s.reached / max) * area));
    const x = LABEL_W + (area - w) / 2;
    const y = i * (ROW + GAP);
    const mid = y + ROW / 2 + 5;
    return `<rect x="${LABEL_W}" y="${y}" width="${area}" height="${ROW}" rx="4" fill="#e6ecf3"></rect>`
      + `<rect x="${x}" y="${y}" width="${w}" height="${ROW}" rx="4" fill="#1d4e89"></rect>`
      + `<text x="0" y="${mid}" font-size="14" fill="#1b1b1b">${escapeHtml(s.label)}</text>`
      + `<text x="${W}" y="${mid}" font-size="15" font-weight="bold" text-anchor="end" fill="#1b1b1b">${s.reached}件</text>`;
  });
  const summary = stages.map((s) => `${s.label} ${s.reached}件`).join('、');
  return trusted(`<svg class="funnel" viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="funnel-title funnel-desc" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="funnel-title">案件の進み具合（到達した段階ごとの件数）</title><desc id="funnel-desc">${escapeHtml(summary)}</desc>`
    + rows.join('') + '</svg>');
}

/** Plain horizontal bars for a ranked list (cases by organisation, by skill). */
export function barsSvg(rows: Count[], label: string): Html {
  if (!rows.length) return trusted('');
  const max = Math.max(1, ...rows.map((r) => r.count));
  const H = 26;
  const labelW = 260;
  const bars = rows.map((r, i) => {
    const w = Math.max(2, Math.round((r.count / max) * (W - labelW - 60)));
    const y = i * (H + 6);
    const name = [...r.label].length > 18 ? `${[...r.label].slice(0, 17).join('')}…` : r.label;
    return `<text x="0" y="${y + 18}" font-size="13" fill="#1b1b1b">${escapeHtml(name)}</text>`
      + `<rect x="${labelW}" y="${y}" width="${w}" height="${H}" rx="3" fill="#2a6496"></rect>`
      + `<text x="${labelW + w + 8}" y="${y + 18}" font-size="13" fill="#1b1b1b">${r.count}</text>`;
  });
  return trusted(`<svg class="bars" viewBox="0 0 ${W} ${rows.length * (H + 6)}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}</svg>`);
}
