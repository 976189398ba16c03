import { SESSION_COOKIE } from '../../adapters/web/auth/sessions.js';

// A browser-like HTTP client for the web console: keeps the session cookie, does not follow
// redirects (tests look at them), and reads the CSRF token a page carries.

export class WebClient {
  cookie: string | null = null;
  constructor(readonly base: string) {}

  private keep(res: Response): Response {
    for (const c of res.headers.getSetCookie()) {
      const m = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(c);
      if (m) this.cookie = m[1] as string;
    }
    return res;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {}), ...extra };
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(await fetch(this.base + path, { headers: this.headers(headers), redirect: 'manual' }));
  }

  async form(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(await fetch(this.base + path, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams(fields).toString(),
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', ...headers }),
    }));
  }

  async json(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(await fetch(this.base + path, {
      method: 'POST', redirect: 'manual', body: JSON.stringify(body), headers: this.headers({ 'content-type': 'application/json', ...headers }),
    }));
  }

  /** The CSRF token of a page: the simulator's meta tag or a form's hidden field. */
  static csrfOf(html: string): string {
    const m = /name="csrf-token" content="([^"]+)"/.exec(html) ?? /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error('no CSRF token on the page');
    return m[1] as string;
  }

  /** Opens a page and returns its CSRF token. */
  async csrf(path = '/'): Promise<string> {
    return WebClient.csrfOf(await (await this.get(path)).text());
  }

  async signIn(email: string, password: string): Promise<Response> {
    const token = await this.csrf('/signin');
    return this.form('/signin', { _csrf: token, email, password, next: '/dashboard' });
  }
}
