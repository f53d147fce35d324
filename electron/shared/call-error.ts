/**
 * A failed call as the renderer sees it: the code and parameters the interface words it by, and the
 * English line. Its own module, with no imports, so the preload bundles it without the dictionaries.
 */
import type { ErrorCode, ErrorData } from './error-codes.js';

export class CallError extends Error implements ErrorData {
  readonly code: ErrorCode;
  readonly params: ErrorData['params'];

  constructor(data: ErrorData) {
    super(data.message);
    this.name = 'CallError';
    this.code = data.code;
    this.params = data.params;
  }
}
