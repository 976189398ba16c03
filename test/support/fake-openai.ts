import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

// A local OpenAI-compatible server for tests and the benchmark: POST …/chat/completions on
// 127.0.0.1 with an ephemeral port, so the real openai SDK and LangChain's ChatOpenAI talk to
// it over HTTP. Each task (the response format's name: extract, summarise, draft_spec) answers
// from a queue of scripted behaviours, then from a standing one, then with an empty answer.
// Every request is recorded, so tests can check what was sent. Compiled with the scripts
// (tsconfig) because the benchmark uses it; it is never part of the product.

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: { model?: string; messages?: { role: string; content: string }[]; response_format?: { json_schema?: { name?: string } } } & Record<string, unknown>;
  /** The response format's name, i.e. the task. */
  task: string | null;
  system: string;
  user: string;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Wait before answering (a slow model). */
  delayMs?: number;
  /** The body as sent; otherwise `json`. */
  raw?: string;
  json?: unknown;
}

export type Behaviour = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

export interface Usage { prompt_tokens: number; completion_tokens: number }

/** A chat completion whose message content is `content` (a refusal when `refusal` is set). */
export function completion(content: string | null, options: { refusal?: string; usage?: Usage; model?: string } = {}): FakeResponse {
  const usage = options.usage ?? { prompt_tokens: 120, completion_tokens: 30 };
  return {
    json: {
      id: 'chatcmpl-fake', object: 'chat.completion', created: 1_790_000_000, model: options.model ?? 'fake-model',
      choices: [{
        index: 0, finish_reason: 'stop', logprobs: null,
        message: { role: 'assistant', content: options.refusal ? null : content, refusal: options.refusal ?? null },
      }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

export const answer = (value: unknown, options: { usage?: Usage; model?: string } = {}): FakeResponse => completion(JSON.stringify(value), options);

/** A stated value as the extraction schema wants it. */
export const fact = <T>(value: T, evidence: string, sure = true) => ({ value, evidence, sure });

export function emptyExtractionAnswer() {
  return {
    company: { name: null, industry: null, prefecture: null, employees: null, description: null },
    vision: null, issues: [], talentIssues: [], direction: null,
    spec: {
      workStyles: null, daysPerWeek: null, prefecture: null, remoteOk: null, monthlyBudgetYen: null, durationMonths: null,
      duties: null, mustHave: null, niceToHave: null, skillCategories: null, appeal: null,
    },
  };
}

const EMPTY: Record<string, unknown> = {
  extract: emptyExtractionAnswer(),
  summarise: { summary: null },
  draft_spec: { persona: null, expectations: null, duties: [], appeal: null },
};

export interface FakeOpenAI {
  /** Base URL for the SDK, ending in /v1. */
  url: string;
  /** scheme://host:port, e.g. for Azure's endpoint. */
  origin: string;
  requests: RecordedRequest[];
  /** Behaviours for the next requests of `task`, in order. */
  queue(task: string, ...behaviours: Behaviour[]): void;
  /** The behaviour for `task` once its queue is empty ('*' for any task). */
  on(task: string, behaviour: Behaviour): void;
  /** Time spent inside behaviours and their delays: the "model's" own latency. */
  serverMs(): number;
  reset(): void;
  close(): Promise<void>;
}

export interface FakeOptions {
  /** Told the time each request spent inside its handler, before the answer is sent. */
  onHandled?: (ms: number) => void;
}

export async function startFakeOpenAI(options: FakeOptions = {}): Promise<FakeOpenAI> {
  const queues = new Map<string, Behaviour[]>();
  const standing = new Map<string, Behaviour>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let busyMs = 0;

  const behaviourFor = (task: string): Behaviour | undefined =>
    queues.get(task)?.shift() ?? standing.get(task) ?? standing.get('*');

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const started = performance.now();
        if (req.method !== 'POST' || !req.url?.split('?')[0]?.endsWith('/chat/completions')) {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'];
        const messages = body.messages ?? [];
        const task = body.response_format?.json_schema?.name ?? null;
        const recorded: RecordedRequest = {
          path: req.url, headers: req.headers, body, task,
          system: messages.find((m) => m.role === 'system')?.content ?? '',
          user: messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n'),
        };
        requests.push(recorded);
        const behaviour = task ? behaviourFor(task) : undefined;
        const out = behaviour ? await behaviour(recorded) : answer(EMPTY[task ?? ''] ?? {});
        if (out.delayMs) await new Promise((r) => setTimeout(r, out.delayMs));
        const spent = performance.now() - started;
        busyMs += spent;
        options.onHandled?.(spent);
        if (res.destroyed) return;
        res.writeHead(out.status ?? 200, { 'content-type': 'application/json', ...out.headers });
        res.end(out.raw ?? JSON.stringify(out.json ?? {}));
      })().catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(err));
      });
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/v1`,
    origin,
    requests,
    queue: (task, ...behaviours) => queues.set(task, [...(queues.get(task) ?? []), ...behaviours]),
    on: (task, behaviour) => void standing.set(task, behaviour),
    serverMs: () => busyMs,
    reset() {
      queues.clear();
      standing.clear();
      requests.length = 0;
      busyMs = 0;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
