import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { planExport } from './case-export.js';

describe('bansou case export: what is refused before the database opens', () => {
  it('writes Markdown anywhere, and a PDF to a file or a pipe, never to a terminal', () => {
    expect(planExport('md', undefined, true, undefined)).toEqual({ format: 'md', outFile: undefined });
    expect(planExport('pdf', 'a.pdf', true, { path: '/f/a.ttf' })).toMatchObject({ format: 'pdf', outFile: 'a.pdf', font: { path: '/f/a.ttf' } });
    expect(planExport('pdf', undefined, false, { path: '/f/x.ttc', face: 'X' })).toMatchObject({ font: { path: '/f/x.ttc', face: 'X', source: 'PDF_FONT' } });
    const terminal = (() => {
      try {
        planExport('pdf', undefined, true, undefined);
      } catch (e) {
        return e;
      }
    })();
    expect(terminal).toBeInstanceOf(UsageError);
    expect(terminal).toMatchObject({ showUsage: false, message: expect.stringContaining('--out') });
  });

  it('knows md and pdf only', () => {
    expect(() => planExport('docx', undefined, false, undefined)).toThrow('md か pdf');
  });
});
