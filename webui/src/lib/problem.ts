// API errors: every error the node sends is application/problem+json with a `detail` written for
// people. This module turns responses and network failures into ApiError and into a sentence a
// trader can act on.

export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: Record<string, unknown>;
}

export type ErrorKind =
  | 'network' // no answer at all
  | 'timeout' // no answer in time
  | 'aborted' // the user went elsewhere; never shown
  | 'http'; // the server answered with an error status

export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  readonly problem: ProblemDocument;
  readonly retryAfterSeconds: number | null;

  constructor(
    kind: ErrorKind,
    status: number,
    problem: ProblemDocument,
    retryAfterSeconds: number | null = null,
  ) {
    super(problem.detail || problem.title || `${kind} error`);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get detail(): string | undefined {
    return this.problem.detail;
  }

  get requestId(): string | undefined {
    return this.problem.requestId;
  }

  /** The endpoint does not exist on this node (a feature not built or not enabled yet). */
  get isMissingEndpoint(): boolean {
    if (this.kind !== 'http' || (this.status !== 404 && this.status !== 405)) return false;
    const d = this.problem.detail ?? '';
    // The node's problem mapper answers an unknown path with "no resource at <path>"; anything
    // not problem+json (no detail) also means no such endpoint.
    return d === '' || d.startsWith('no resource at') || d.startsWith('method not allowed on');
  }
}

/** Builds an ApiError from an HTTP error response's status, headers and (parsed) body. */
export function problemFromResponse(
  status: number,
  statusText: string,
  body: unknown,
  retryAfterHeader: string | null,
): ApiError {
  let problem: ProblemDocument;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    problem = body as ProblemDocument;
  } else if (typeof body === 'string' && body.trim() && !body.trim().startsWith('<')) {
    problem = { title: statusText, status, detail: body.trim().slice(0, 300) };
  } else {
    problem = { title: statusText, status };
  }
  const retry = retryAfterHeader ? Number.parseInt(retryAfterHeader, 10) : NaN;
  return new ApiError('http', status, problem, Number.isFinite(retry) ? retry : null);
}

function capitalise(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/**
 * The sentence to show a person for an error. The server's `detail` is already written for
 * people, so it leads; the status adds what the person can do about it.
 */
export function friendlyMessage(error: unknown, action?: string): string {
  const what = action ? `Could not ${action}: ` : '';
  if (!(error instanceof ApiError)) {
    const msg = error instanceof Error ? error.message : String(error);
    return `${what}${capitalise(msg || 'something went wrong')}`;
  }
  const detail = error.detail ? capitalise(error.detail) : '';
  switch (error.kind) {
    case 'network':
      return `${what}Cannot reach the ShareWise server. Check your network; the page keeps trying.`;
    case 'timeout':
      return `${what}The server is taking too long to answer. Try again in a moment.`;
    case 'aborted':
      return `${what}Cancelled.`;
    default:
      break;
  }
  switch (error.status) {
    case 400:
      return `${what}${detail || 'The request was not valid.'}`;
    case 401:
      return `${what}Your session has ended. Please sign in again.`;
    case 403:
      return `${what}Your role does not allow this.${detail ? ` ${detail}` : ''}`;
    case 404:
      return error.isMissingEndpoint
        ? `${what}This feature is not available on this node yet.`
        : `${what}${detail || 'Not found.'}`;
    case 409:
      return `${what}${detail || 'It changed in the meantime; refresh and try again.'}`;
    case 423:
      return `${what}Trading is halted. ${detail || 'A kill switch is engaged.'} Only an admin can release it.`;
    case 413:
      return `${what}${detail || 'The file is too large.'}`;
    case 422:
      return `${what}${detail || 'The server could not process it.'}`;
    case 429: {
      const wait = error.retryAfterSeconds;
      return `${what}Too many requests. ${wait ? `Try again in ${wait} s.` : 'Wait a moment and try again.'}`;
    }
    case 502:
    case 503:
    case 504:
      return `${what}${detail || 'The service is unavailable right now.'} Try again shortly.`;
    default:
      if (error.status >= 500) {
        const ref = error.requestId ? ` (reference ${error.requestId})` : '';
        return `${what}The server had a problem handling this${ref}. Try again; if it persists, tell support.`;
      }
      return `${what}${detail || `Request failed (${error.status}).`}`;
  }
}
