// A strict RFC 4180 reader and writer. Strict on purpose: a stray quote means the file was
// mangled (hand-edited, or saved by a tool that does not quote), and guessing would import
// shifted columns. Errors name the line, so the operator can open the file there.

export interface CsvRecord {
  /** The line the record starts on, 1-based, counting the header. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  /** The records complete before the break, so their own problems can be reported too. */
  before: CsvRecord[] = [];
  constructor(readonly line: number, readonly reason: string) {
    super(`${line}行目: ${reason}`);
  }
}

/** Parses the whole text; blank lines are skipped. Throws CsvSyntaxError on broken quoting. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  try {
    return parseInto(text, records);
  } catch (err) {
    if (err instanceof CsvSyntaxError) err.before = records;
    throw err;
  }
}

function parseInto(text: string, records: CsvRecord[]): CsvRecord[] {
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    // A blank line is one empty field; it is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"') {
      if (field !== '') throw new CsvSyntaxError(line, '引用符（"）で囲まれていない項目の途中に「"」があります。項目全体を「"」で囲み、中の「"」は「""」と書いてください');
      const openedOn = line;
      i += 1;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(openedOn, '「"」で始まった項目が閉じられないまま、ファイルが終わっています');
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\n') line += 1;
        field += c;
        i += 1;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError(line, '「"」で閉じた項目のすぐ後ろに文字があります。項目の中の「"」は「""」と書いてください');
      }
      // Mark the field as quoted-and-closed so that a following character is caught above.
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += ch;
    i += 1;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

const NEEDS_QUOTES = /[",\r\n]/u;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export const csvLine = (values: readonly string[]): string => `${values.map(csvField).join(',')}\r\n`;
