import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultLexiconDir, loadLexicon, LexiconError } from './lexicon.js';

const temps: string[] = [];

/** A copy of the real lexicon in a temp dir, with one file edited. */
function lexiconWith(file: string, edit: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bansou-lexicon-'));
  temps.push(dir);
  cpSync(defaultLexiconDir(), dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

function loadError(dir: string): string {
  try {
    loadLexicon(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(LexiconError);
    return (error as Error).message;
  }
  throw new Error('expected loadLexicon to fail');
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadLexicon', () => {
  it('finds prompts/lexicon from the module location and caches per directory', () => {
    expect(defaultLexiconDir()).toMatch(/prompts[/\\]lexicon$/u);
    const lex = loadLexicon();
    expect(loadLexicon()).toBe(lex);
    expect(loadLexicon(defaultLexiconDir())).toBe(lex);
    expect(lex.data.directions.directions.core_hire?.choice).toBe(1);
  });

  it.each([
    ['skills.yaml', (y: string) => y.replace('  quality:', '  qualty:'), 'qualty'],
    ['industries.yaml', (y: string) => y.replace('  construction:', '  building:'), 'building'],
    ['work-styles.yaml', (y: string) => y.replace('  side_job:', '  sidejob:'), 'sidejob'],
    ['directions.yaml', (y: string) => y.replace('  core_hire:', '  hire:'), 'hire'],
    ['prefectures.yaml', (y: string) => y.replace('  静岡県:', '  静岡:'), '静岡'],
    ['intents.yaml', (y: string) => y.replace('  later:', '  someday:'), 'someday'],
  ])('rejects an unknown code in %s, naming the file and the code', (file, edit, code) => {
    const message = loadError(lexiconWith(file, edit));
    expect(message).toContain(file);
    expect(message).toContain(`"${code}"`);
  });

  it('rejects a keyword claimed by two codes', () => {
    const dir = lexiconWith('skills.yaml', (y) => y.replace('  finance: [', '  finance: [ISO, '));
    const message = loadError(dir);
    expect(message).toContain('skills.yaml');
    expect(message).toContain('"ISO"');
  });

  it('rejects a place listed under two prefectures', () => {
    const dir = lexiconWith('prefectures.yaml', (y) => y.replace('  愛知県: [', '  愛知県: [浜松, '));
    expect(loadError(dir)).toMatch(/prefectures\.yaml.*"浜松"/u);
  });

  it('rejects an unknown section key (typo) with its path', () => {
    const dir = lexiconWith('patterns.yaml', (y) => y.replace('  list_endings:', '  list_ending:'));
    const message = loadError(dir);
    expect(message).toContain('patterns.yaml');
    expect(message).toContain('text');
  });

  it('rejects a missing list with its path', () => {
    const dir = lexiconWith('patterns.yaml', (y) => y.replace(/^ {2}vision: .*$/mu, ''));
    expect(loadError(dir)).toMatch(/patterns\.yaml[\s\S]*issue\.vision/u);
  });

  it('rejects broken yaml naming the file', () => {
    const dir = lexiconWith('intents.yaml', (y) => `${y}\n  : : [\n`);
    expect(loadError(dir)).toContain('intents.yaml');
  });

  it('rejects a strict word that no prefecture lists', () => {
    const dir = lexiconWith('prefectures.yaml', (y) => y.replace('strict: [', 'strict: [存在しない町, '));
    expect(loadError(dir)).toContain('存在しない町');
  });

  it('rejects a missing directory', () => {
    expect(loadError(join(tmpdir(), 'no-such-lexicon-dir-bansou'))).toContain('prefectures.yaml');
  });
});
