/**
 * Errors an operator can act on. Each has a one-line message, in Japanese like the CLI's
 * other messages, meant to be printed as is (`err.message`) without a stack trace. The
 * original driver error, when there is one, stays on `cause` for debug logs.
 */
export abstract class DatabaseSetupError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    // The stack only points into our connection code, never at what the operator must fix.
    this.stack = `${this.name}: ${message}`;
  }
}

/** The database could not be reached or refused us (network, authentication, missing database). */
export class DatabaseUnavailableError extends DatabaseSetupError {
  readonly code = 'DATABASE_UNAVAILABLE';

  /** `target` is host:port (and database), never the password. */
  constructor(
    readonly target: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`PostgreSQL (${target}) に接続できません: ${reason}`, options);
  }
}

/** Another process (or this one) already serves the embedded database in this directory. */
export class DataDirLockedError extends DatabaseSetupError {
  readonly code = 'DATA_DIR_LOCKED';

  constructor(
    readonly dataDir: string,
    readonly holderPid: number | null,
  ) {
    const who =
      holderPid === null ? '別のプロセス' : holderPid === process.pid ? 'このプロセス自身' : `別のプロセス (pid ${holderPid})`;
    super(
      `埋め込みデータベース ${dataDir} は${who}が使用中です。そのプロセスを終了するか、DATABASE_URL で PostgreSQL を指定してください。`,
    );
  }
}

/** A migration cannot be applied, or the recorded history no longer matches the files. */
export class MigrationError extends DatabaseSetupError {
  readonly code = 'MIGRATION_FAILED';

  constructor(
    readonly migrationName: string | null,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
