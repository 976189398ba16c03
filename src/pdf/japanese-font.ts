import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import type { FontSetting } from '../config/config.js';

// PDF's standard fonts have no Japanese glyphs, so a 求人票 needs a CJK font file: PDF_FONT
// when set, else a Debian font package's file, else whatever fontconfig offers for Japanese.

export interface FontChoice extends FontSetting {
  /** Where it came from, for messages. */
  source: 'PDF_FONT' | 'system' | 'fc-match';
}

/** Debian's packages, most readable first. Noto's collection needs its Japanese face named. */
export const SYSTEM_FONTS: readonly FontSetting[] = [
  { path: '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf' },
  { path: '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKjp-Regular' },
  { path: '/usr/share/fonts/truetype/takao-gothic/TakaoPGothic.ttf' },
  { path: '/usr/share/fonts/truetype/takao-gothic/TakaoGothic.ttf' },
];

export const NO_FONT_MESSAGE =
  '求人票の PDF には日本語フォントが必要ですが、見つかりませんでした。PDF_FONT にフォントファイル（.ttf・.otf・.ttc）のパスを設定するか、' +
  'フォントを入れてください（Debian・Ubuntu では apt-get install fonts-ipafont-gothic）。';

export class FontUnavailableError extends Error {
  override name = 'FontUnavailableError';
}

export interface FontLookup {
  isFile(path: string): boolean;
  /** fontconfig's best Japanese font, or null when fc-match is missing or offers none. */
  fcMatch(): FontSetting | null;
}

const isFile = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/** fc-match always answers, even with a Latin-only font; only one that covers ja is taken. */
function fcMatch(): FontSetting | null {
  let out: string;
  try {
    out = execFileSync('fc-match', ['-f', '%{file}\\n%{postscriptname}\\n%{lang}', ':lang=ja'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
  const [path, face, langs] = out.split('\n');
  if (!path || !langs?.split('|').includes('ja')) return null;
  return /\.(ttc|otc)$/i.test(path) && face ? { path, face } : { path };
}

const systemLookup: FontLookup = { isFile, fcMatch };

export function resolveJapaneseFont(setting: FontSetting | undefined, lookup: FontLookup = systemLookup): FontChoice {
  if (setting) return { ...setting, source: 'PDF_FONT' };
  const installed = SYSTEM_FONTS.find((f) => lookup.isFile(f.path));
  if (installed) return { ...installed, source: 'system' };
  const matched = lookup.fcMatch();
  if (matched && lookup.isFile(matched.path)) return { ...matched, source: 'fc-match' };
  throw new FontUnavailableError(NO_FONT_MESSAGE);
}
