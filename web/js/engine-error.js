// The error every failing engine call throws (web/js/engine.js): the core's English message,
// plus what the page needs to word it in the learner's language (web/js/i18n/engine-errors.js):
// a stable code (src/core/error_code.h), the dotted path of the offending field and the values
// the message quotes. Errors cross the wasm boundary as values and are thrown here, in JS.

export class EngineError extends Error {
  constructor({ code = 'invalid', field = '', message = '', params = {} }) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'EngineError';
    this.code = code;
    this.field = field;
    this.params = params;
    this.detail = message;  // the English message without the field
  }

  // A plain object that survives postMessage (structured clone drops the class).
  toJSON() {
    return { code: this.code, field: this.field, params: this.params, message: this.detail };
  }
}

// The plain-object form of any error for a worker's reply: engine errors keep their code,
// anything else (a bug, a failed fetch) is "invalid" with its message.
export function errorPayload(error) {
  if (error instanceof EngineError) return error.toJSON();
  return { code: 'invalid', field: '', params: {}, message: String(error?.message || error) };
}

// The fields of a worker's ERROR reply (protocol.js): what failed (`context`, the message type),
// the English text, and the payload the page words in its language.
export function errorReply(context, error) {
  return { context, message: String(error?.message || error), error: errorPayload(error) };
}
