import { ApiError } from './api';
import { whenAgain } from './format';
import { fill, type PageWords } from './words';

/** What a failed call tells the resident: the API's own sentence, and for a 429 the time to try again. */
export function problemText(t: PageWords, err: unknown): string {
  if (!(err instanceof ApiError)) return t.error.network;
  return err.retryAt ? err.message + fill(t.error.retryAt, { time: whenAgain(err.retryAt) }) : err.message;
}
