import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ContentError } from '../intake/content.js';
import { promptsDir } from '../repo-root.js';
import { LLM_TASKS, type LlmTask } from './port.js';

// The system prompts (prompts/llm/*.md): one file per task and version, checked once at start.

export interface Prompt {
  task: LlmTask;
  /** e.g. extract.v1; stored with every call. */
  version: string;
  system: string;
}

export type PromptSet = Record<LlmTask, Prompt>;

const FILE = /^(extract|summarise|draft-spec)\.v(\d+)\.md$/;
const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/;
const headerSchema = z.object({ task: z.enum(LLM_TASKS), version: z.string().min(1) });

function readPrompt(file: string, name: string): Prompt {
  const m = FRONT_MATTER.exec(readFileSync(file, 'utf8').replace(/\r\n/g, '\n'));
  if (!m) throw new ContentError(`${file}: must start with a front matter block (--- task, version ---)`);
  let header: unknown;
  try {
    header = parse(m[1] as string);
  } catch (err) {
    throw new ContentError(`${file}: front matter is not YAML (${(err as Error).message})`);
  }
  const checked = headerSchema.safeParse(header);
  if (!checked.success) throw new ContentError(`${file}: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { task, version } = checked.data;
  const expectedTask = name.split('.')[0]?.replace('-', '_');
  if (task !== expectedTask) throw new ContentError(`${file}: task is ${task}, but the file name says ${expectedTask}`);
  if (version !== name.replace(/\.md$/, '')) throw new ContentError(`${file}: version must be "${name.replace(/\.md$/, '')}", the file's name`);
  const system = (m[2] as string).trim();
  if (system.length < 40) throw new ContentError(`${file}: the prompt body is empty or too short`);
  return { task, version, system };
}

const cache = new Map<string, PromptSet>();

/** The newest version of each task's prompt. Throws ContentError naming the file at fault. */
export function loadPrompts(dir = join(promptsDir(), 'llm')): PromptSet {
  const hit = cache.get(dir);
  if (hit) return hit;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new ContentError(`${dir}: the LLM prompts folder cannot be read`);
  }
  const newest = new Map<LlmTask, { n: number; prompt: Prompt }>();
  for (const name of names) {
    const m = FILE.exec(name);
    if (!m) continue;
    const prompt = readPrompt(join(dir, name), name);
    const n = Number(m[2]);
    if ((newest.get(prompt.task)?.n ?? -1) < n) newest.set(prompt.task, { n, prompt });
  }
  const missing = LLM_TASKS.filter((t) => !newest.has(t));
  if (missing.length) throw new ContentError(`${dir}: no prompt for ${missing.join(', ')} (expected e.g. ${missing[0]?.replace('_', '-')}.v1.md)`);
  const set = Object.fromEntries(LLM_TASKS.map((t) => [t, newest.get(t)?.prompt])) as PromptSet;
  cache.set(dir, set);
  return set;
}
