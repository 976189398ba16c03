/** A mistake in how the command was called: exit code 2 and a usage hint. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input the command cannot use (an unreadable file, a case that does not exist): exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}
