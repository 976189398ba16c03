import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from './errors.js';

// Reads an owner transcript for `bansou replay`: UTF-8 text with one message per line
// (blank lines and # comments skipped), or JSON Lines of {"text": "..."}.

const jsonLine = z.object({ text: z.string() });

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(`${file} は UTF-8 のテキストとして読めません（not valid UTF-8）。文字コードを UTF-8 にして保存し直してください。`);
  }
}

function parseJsonLines(lines: string[], file: string): string[] {
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError(`${file} の ${i + 1} 件目の JSON 行が読めません: ${line.slice(0, 40)}`);
    }
    const parsed = jsonLine.safeParse(value);
    if (!parsed.success) throw new InputError(`${file} の ${i + 1} 件目に "text" がありません`);
    return parsed.data.text;
  });
}

export function parseTranscript(content: string, file = 'transcript'): string[] {
  const lines = content.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const isJsonLines = lines.length > 0 && lines.every((l) => l.startsWith('{'));
  const messages = isJsonLines ? parseJsonLines(lines, file) : lines;
  if (messages.length === 0) throw new InputError(`${file} にメッセージがありません（空のファイル、またはコメント行だけです）。`);
  return messages;
}

export async function readTranscript(file: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'ファイルが見つかりません' : code === 'EISDIR' ? 'フォルダです' : `読めません（${code ?? 'error'}）`;
    throw new InputError(`${file}: ${why}`);
  }
  if (bytes.includes(0)) throw new InputError(`${file} はテキストファイルではないようです（バイナリデータを含みます）。`);
  return parseTranscript(decodeUtf8(bytes, file), file);
}
