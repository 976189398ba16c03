import fs from 'node:fs';
import path from 'node:path';
import { DataDirLockedError } from './errors.js';

/**
 * PGlite has no postmaster.pid: two processes can open one data directory at once and
 * silently corrupt it (checked with 0.5.14). This lock file, inside the directory it
 * guards, records the holder's pid; a lock whose pid is gone is stale and taken over.
 */
const LOCK_FILE = 'bansou.lock';

/** A lock file that is still empty this soon after creation is being written, not stale. */
const FRESH_MS = 10_000;

/**
 * Lock files this process holds. A lock naming our own pid that is not in this set was left
 * by an earlier process that got the same pid, as pid 1 does in a restarted container.
 */
const held = new Set<string>();

export interface DataDirLock {
  release(): void;
}

/** Takes the lock for `dataDir` (created if missing), or throws DataDirLockedError. */
export function acquireDataDirLock(dataDir: string, displayDir = dataDir): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(path.resolve(dataDir), LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() });

  // A few rounds, because the lock can vanish or turn stale between our steps.
  for (let round = 0; round < 3; round++) {
    if (tryCreate(lockPath, content)) {
      held.add(lockPath);
      return holdLock(lockPath);
    }
    const holder = readHolder(lockPath);
    if (holder === 'gone') continue;
    if (holder === 'starting') throw new DataDirLockedError(displayDir, null);
    if (isHeld(holder, lockPath)) throw new DataDirLockedError(displayDir, holder);
    removeStale(lockPath, holder);
  }
  throw new DataDirLockedError(displayDir, null);
}

function holdLock(lockPath: string): DataDirLock {
  // Remove the file even when the owner exits without closing the database.
  const onExit = (): void => removeIfOurs(lockPath);
  process.once('exit', onExit);
  return {
    release() {
      process.removeListener('exit', onExit);
      removeIfOurs(lockPath);
    },
  };
}

function tryCreate(lockPath: string, content: string): boolean {
  try {
    fs.writeFileSync(lockPath, content, { flag: 'wx' }); // wx: fails if the file exists
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** The holder's pid, 'gone' if there is no lock any more, 'starting' if it is being written. */
function readHolder(lockPath: string): number | 'gone' | 'starting' {
  let text: string;
  let mtimeMs: number;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
    mtimeMs = fs.statSync(lockPath).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  const pid = parsePid(text);
  if (pid !== null) return pid;
  // Garbage in an old file means a crash mid-write: stale. A fresh one may be mid-write now.
  return Date.now() - mtimeMs < FRESH_MS ? 'starting' : 0;
}

function parsePid(text: string): number | null {
  try {
    const pid = (JSON.parse(text) as { pid?: unknown }).pid;
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isHeld(pid: number, lockPath: string): boolean {
  if (pid === 0) return false;
  if (pid === process.pid) return held.has(lockPath);
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

/**
 * Moves the stale lock aside rather than deleting it: if a racing process replaced it with
 * a live lock in the meantime, we moved that one, notice it and put it back.
 */
function removeStale(lockPath: string, stalePid: number): void {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = readHolder(aside);
  if (moved !== stalePid && moved !== 'gone') {
    try {
      fs.linkSync(aside, lockPath); // fails if yet another lock appeared; that one wins
    } catch {
      /* the next round reads whichever lock is there now */
    }
  }
  fs.rmSync(aside, { force: true });
}

function removeIfOurs(lockPath: string): void {
  if (!held.delete(lockPath)) return;
  try {
    if (parsePid(fs.readFileSync(lockPath, 'utf8')) === process.pid) fs.rmSync(lockPath, { force: true });
  } catch {
    /* already gone */
  }
}
