import { describe, expect, it } from 'vitest';
import { csvField, CsvSyntaxError, parseCsv } from './csv.js';

describe('parseCsv (RFC 4180, strict)', () => {
  it.each([
    ['plain fields', 'a,b\nc,d\n', [[1, ['a', 'b']], [2, ['c', 'd']]]],
    ['CRLF and no final newline', 'a,b\r\nc,d', [[1, ['a', 'b']], [2, ['c', 'd']]]],
    ['quoted commas, quotes and newlines', 'x,"1,2","say ""hi""","two\nlines"\nnext,,,\n', [[1, ['x', '1,2', 'say "hi"', 'two\nlines']], [3, ['next', '', '', '']]]],
    ['blank lines skipped, lines still counted', 'a\n\n\nb\n', [[1, ['a']], [4, ['b']]]],
    ['an empty quoted field', '"",a\n', [[1, ['', 'a']]]],
    ['an empty last field at the end of the file', 'a,', [[1, ['a', '']]]],
    ['a quoted field spanning lines, then more records', '"x\ny",z\nw,v', [[1, ['x\ny', 'z']], [3, ['w', 'v']]]],
    ['Japanese text', '品質保証,"ISO9001、14001"\n', [[1, ['品質保証', 'ISO9001、14001']]]],
  ])('reads %s', (_name, text, expected) => {
    expect(parseCsv(text).map((r) => [r.line, r.fields])).toEqual(expected);
  });

  it.each([
    ['a quote inside an unquoted field', 'id,name\n1,ab"c\n', 2, '途中に'],
    ['text after a closing quote', 'id,name\n1,"ab"c\n', 2, 'すぐ後ろ'],
    ['a quote never closed (reported where it opened)', 'id,name\n1,"ab\n2,cd\n', 2, '閉じられない'],
  ])('refuses %s with its line', (_name, text, line, reason) => {
    let error: unknown;
    try {
      parseCsv(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(line);
    expect((error as CsvSyntaxError).reason).toContain(reason);
  });

  it('writes fields that read back the same', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded ', ''];
    expect(parseCsv(`${values.map(csvField).join(',')}\n`)[0]?.fields).toEqual(values);
  });
});
