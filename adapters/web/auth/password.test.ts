import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, parseHash, passwordProblem, verifyPassword } from './password.js';

describe('scrypt password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('stores N=2^15, r=8, p=1 and a fresh salt with every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same password!'), hashPassword('same password!')]);
    expect(a).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(parseHash(a)?.salt).not.toEqual(parseHash(b)?.salt);
  });

  it('reads full-width input as the same password (NFKC)', async () => {
    const stored = await hashPassword('Password2026!');
    expect(await verifyPassword('Ｐａｓｓｗｏｒｄ２０２６！', stored)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['not PHC', 'plaintext'],
    ['another algorithm', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA'],
    ['absurd cost', `$scrypt$ln=40,r=8,p=1$${'A'.repeat(22)}$${'A'.repeat(43)}`],
  ])('never verifies against a malformed hash (%s)', async (_name, stored) => {
    expect(await verifyPassword('anything at all', stored)).toBe(false);
  });

  it('asks for a rehash when the stored cost is below today\'s', async () => {
    const weak = await hashPassword('legacy password', { ln: 12, r: 8, p: 1 });
    expect(await verifyPassword('legacy password', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('current password'))).toBe(false);
  });

  it.each([
    ['short', 'abc12345', /12文字以上/],
    ['long enough', 'twelve chars', null],
    ['too long', 'x'.repeat(257), /256文字以内/],
  ])('judges a new password: %s', (_name, password, problem) => {
    const said = passwordProblem(password);
    if (problem) expect(said).toMatch(problem);
    else expect(said).toBeNull();
  });
});
