import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { promptsDir } from '../repo-root.js';
import { ContentError, loadIntakeContent } from './content.js';

const dirs: string[] = [];
function copyOfPrompts(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bansou-content-'));
  dirs.push(dir);
  cpSync(join(promptsDir(), 'intake'), dir, { recursive: true });
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('intake content', () => {
  it('loads the shipped plan, with a question for every field that is asked', () => {
    const content = loadIntakeContent();
    const asked = content.questions.filter((q) => !q.drafted);
    expect(asked.every((q) => q.ask && q.ask.length <= 120)).toBe(true);
    expect(content.questions.every((q) => (q.choices?.length ?? 0) <= 13)).toBe(true);
  });

  it('names the file and the entry when a field path is mistyped', () => {
    const dir = copyOfPrompts();
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('field: company.employees', 'field: company.employes'));
    expect(() => loadIntakeContent(dir)).toThrow(ContentError);
    expect(() => loadIntakeContent(dir)).toThrow(/plan\.yaml: questions\.\d+\.field/);
  });

  it('refuses a question with neither wording nor drafting', () => {
    const dir = copyOfPrompts();
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/    ask: 従業員は何名くらいですか？\n/, ''));
    expect(() => loadIntakeContent(dir)).toThrow(/company\.employees needs an "ask"/);
  });

  it('says when a file is not YAML', () => {
    const dir = copyOfPrompts();
    writeFileSync(join(dir, 'messages.yaml'), 'greeting: [unclosed');
    expect(() => loadIntakeContent(dir)).toThrow(/messages\.yaml: cannot be read as YAML/);
  });
});
