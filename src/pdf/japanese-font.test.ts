import { describe, expect, it } from 'vitest';
import { japaneseFont, pdfToolsRequired } from '../../test/support/pdf-tools.js';
import { FontUnavailableError, resolveJapaneseFont, SYSTEM_FONTS, type FontLookup } from './japanese-font.js';

const lookup = (files: string[], fcMatch: FontLookup['fcMatch'] = () => null): FontLookup => ({ isFile: (p) => files.includes(p), fcMatch });

describe('the Japanese font for PDFs', () => {
  it('takes PDF_FONT first, face and all', () => {
    const setting = { path: '/f/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKjp-Regular' };
    expect(resolveJapaneseFont(setting, lookup(['/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf']))).toEqual({ ...setting, source: 'PDF_FONT' });
  });

  it("then Debian's packages, IPA Gothic before Noto, Noto with its Japanese face", () => {
    const all = SYSTEM_FONTS.map((f) => f.path);
    expect(resolveJapaneseFont(undefined, lookup(all))).toEqual({ path: '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf', source: 'system' });
    expect(resolveJapaneseFont(undefined, lookup(['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc']))).toEqual({
      path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKjp-Regular', source: 'system',
    });
  });

  it('then what fontconfig offers for Japanese', () => {
    const found = lookup(['/opt/fonts/x.otf'], () => ({ path: '/opt/fonts/x.otf' }));
    expect(resolveJapaneseFont(undefined, found)).toEqual({ path: '/opt/fonts/x.otf', source: 'fc-match' });
  });

  it('says how to get one when there is none', () => {
    const none = () => resolveJapaneseFont(undefined, lookup([], () => ({ path: '/gone.ttf' })));
    expect(none).toThrow(FontUnavailableError);
    expect(none).toThrow(/PDF_FONT.*fonts-ipafont-gothic/su);
  });

  it.skipIf(!japaneseFont && !pdfToolsRequired)('finds one on this machine (scripts/browser-deps.sh installs fonts-ipafont-gothic)', () => {
    expect(resolveJapaneseFont(undefined).path).toMatch(/\.(ttf|otf|ttc)$/);
  });
});
