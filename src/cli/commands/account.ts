import { createInterface } from 'node:readline';
import type { App } from '../../app.js';
import { InputError, UsageError } from '../errors.js';

// `bansou account add --member MEMBER_ID --email E`: a dashboard sign-in for a member. The
// password is read from standard input (first line), never from the command line, where it
// would stay in the shell history and the process list.

async function firstLine(input: NodeJS.ReadableStream, prompt: (s: string) => void, tty: boolean): Promise<string> {
  if (tty) prompt('パスワード（12文字以上）: ');
  const rl = createInterface({ input, terminal: false });
  try {
    for await (const line of rl) return line.replace(/\r$/, '');
    return '';
  } finally {
    rl.close();
  }
}

export interface AccountAddOptions {
  member: string | undefined;
  email: string | undefined;
}

export async function accountAdd(app: App, o: AccountAddOptions, input: NodeJS.ReadableStream & { isTTY?: boolean }, out: (s: string) => void, err: (s: string) => void): Promise<void> {
  if (!o.member || !o.email) throw new UsageError('使い方: bansou account add --member MEMBER_ID --email E [--password-stdin] < パスワード');
  const password = await firstLine(input, err, Boolean(input.isTTY));
  const { AccountError, createAccount } = await import('../../../adapters/web/auth/accounts.js');
  const { createPrismaAccountStore } = await import('../../../adapters/web/store/prisma-web-store.js');
  try {
    await createAccount(createPrismaAccountStore(app.db.prisma), { memberId: o.member, email: o.email, password });
  } catch (e) {
    if (e instanceof AccountError) throw new InputError(e.message);
    throw e;
  }
  out(`ダッシュボードのアカウントを作成しました: ${o.email.trim().toLowerCase()}（メンバー ${o.member}）`);
}
