/** A mistake in how the command was called: exit code 2 and a usage hint. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** `showUsage` false: one line says it all (e.g. a PDF bound for a terminal). */
  constructor(message: string, readonly showUsage = true) {
    super(message);
  }
}

/** Input the command cannot use (an unreadable file, a case that does not exist): exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}
