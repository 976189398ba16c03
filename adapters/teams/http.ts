import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudAdapter, Request, TurnContext, WebResponse } from '@microsoft/agents-hosting';
import { BodyTooLargeError, readBody, sendJson, type Handler } from '../../src/server/http.js';

// POST /api/messages on the project's plain node:http server. CloudAdapter.process expects an
// Express-like request (parsed `body`, `headers`, `user` set by the JWT middleware) and
// response (`status().send()`); this file is that bridge, in the order the edge must keep:
// read the body (bounded) → authenticate with the SDK's own JWT middleware → parse → process.


/** The SDK's response surface over a node ServerResponse; `send` ends it, as Express does. */
export class NodeWebResponse implements WebResponse {
  private code = 200;
  constructor(private readonly res: ServerResponse) {}
  get headersSent(): boolean {
    return this.res.headersSent;
  }
  get writableEnded(): boolean {
    return this.res.writableEnded;
  }
  status(code: number): this {
    this.code = code;
    return this;
  }
  setHeader(name: string, value: string): this {
    if (!this.res.headersSent) this.res.setHeader(name, value);
    return this;
  }
  send(body?: unknown): this {
    if (this.res.writableEnded) return this;
    if (body === undefined || body === null || typeof body === 'string' || Buffer.isBuffer(body)) {
      this.res.statusCode = this.code;
      this.res.end(body ?? undefined);
    } else {
      sendJson(this.res, this.code, body);
    }
    return this;
  }
  end(): this {
    if (!this.res.writableEnded) {
      this.res.statusCode = this.code;
      this.res.end();
    }
    return this;
  }
}

/** Runs the SDK's JWT middleware; resolves true once it called `next`, false when it answered 401/405. */
function authorize(adapter: CloudAdapter, request: Request, response: WebResponse): Promise<boolean> {
  return new Promise((resolve, reject) => {
    adapter.authorizeRequest(request, response, (err?: unknown) => (err ? reject(err) : resolve(true)))
      .then(() => resolve(false), reject);
  });
}

export function messagesHandler(adapter: CloudAdapter, logic: (ctx: TurnContext) => Promise<void>): Handler {
  return async (req, res) => {
    const response = new NodeWebResponse(res);
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'request body too large' });
      throw err;
    }
    // The token is checked before the body is even parsed (style.md: verify, then parse).
    const request: Request = { method: req.method, headers: req.headers };
    if (!(await authorize(adapter, request, response))) {
      if (!res.writableEnded) response.end();
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendJson(res, 400, { error: 'body is not JSON' });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return sendJson(res, 400, { error: 'body is not an activity' });
    request.body = body as Record<string, unknown>;
    await adapter.process(request, response, logic);
    if (!res.writableEnded) response.end();
  };
}
