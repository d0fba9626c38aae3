import { describe, expect, it } from 'vitest';
import { ApiError, friendlyMessage, problemFromResponse } from './problem';

describe('problem+json mapping', () => {
  it('leads with the server detail', () => {
    const e = problemFromResponse(404, 'Not Found', {
      title: 'Not Found', status: 404, detail: "unknown instrument 'NSE:FOO'", requestId: 'r1',
    }, null);
    expect(e.isMissingEndpoint).toBe(false);
    expect(friendlyMessage(e)).toBe("Unknown instrument 'NSE:FOO'.");
  });
  it('recognises an endpoint this node does not have', () => {
    const e = problemFromResponse(404, 'Not Found', { status: 404, detail: 'no resource at /api/v1/orders' }, null);
    expect(e.isMissingEndpoint).toBe(true);
    expect(friendlyMessage(e, 'load orders')).toBe('Could not load orders: This feature is not available on this node yet.');
  });
  it('explains 401, 403 and 429 in words', () => {
    expect(friendlyMessage(problemFromResponse(401, 'Unauthorized', null, null))).toMatch(/sign in again/);
    expect(friendlyMessage(problemFromResponse(403, 'Forbidden', { detail: 'needs role ADMIN' }, null)))
      .toBe('Your role does not allow this. Needs role ADMIN.');
    expect(friendlyMessage(problemFromResponse(429, 'Too Many Requests', {}, '12'))).toBe('Too many requests. Try again in 12 s.');
  });
  it('hides stack-trace-like 500s behind a reference', () => {
    const e = problemFromResponse(500, 'Server Error', { detail: 'NullPointerException', requestId: 'abc' }, null);
    expect(friendlyMessage(e)).toBe('The server had a problem handling this (reference abc). Try again; if it persists, tell support.');
  });
  it('names network failures and timeouts', () => {
    expect(friendlyMessage(new ApiError('network', 0, {}))).toMatch(/Cannot reach the ShareWise server/);
    expect(friendlyMessage(new ApiError('timeout', 0, {}), 'place the order')).toBe(
      'Could not place the order: The server is taking too long to answer. Try again in a moment.');
  });
  it('keeps plain-text bodies short and drops HTML pages', () => {
    expect(problemFromResponse(502, 'Bad Gateway', '<html>proxy</html>', null).detail).toBeUndefined();
    expect(problemFromResponse(400, 'Bad Request', 'bad thing', null).detail).toBe('bad thing');
  });
});
