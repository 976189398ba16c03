import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import { parseTranscript } from './transcript.js';

describe('parseTranscript', () => {
  it('takes one message per line, skipping blanks and # comments', () => {
    expect(parseTranscript('# a comment\n\n週1日で\r\n  月10万  \n')).toEqual(['週1日で', '月10万']);
  });

  it('reads JSON Lines of {"text": ...}', () => {
    expect(parseTranscript('{"text": "一行目"}\n{"text": "二行目"}\n')).toEqual(['一行目', '二行目']);
  });

  it('keeps a single long memo as one message', () => {
    const memo = `面談メモ：${'あ'.repeat(3000)}`;
    expect(parseTranscript(memo)).toEqual([memo]);
  });

  it.each([
    ['', /メッセージがありません/],
    ['# only\n', /メッセージがありません/],
    ['{"text": 1}\n', /"text" がありません/],
    ['{"txt": "a"}\n', /"text" がありません/],
  ])('refuses %j', (content, message) => {
    expect(() => parseTranscript(content)).toThrow(InputError);
    expect(() => parseTranscript(content)).toThrow(message);
  });
});
