import type { AskBody } from './ask-form';
import type { PublicCategory } from './categories';
import type { Challenge } from './challenge';
import type { Place } from './places';

/** A refusal as the API words it (`{statusCode, code, message, errors}`), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
    /** From a 429's Retry-After: when another try may pass. */
    readonly retryAt: Date | null = null,
  ) {
    super(message);
  }
}

export interface Entry {
  code: string;
  name: string;
  enterprise: boolean;
}

export interface Followed {
  number: string;
  status: string;
  statusText: string;
  category: string;
  receivedAt: string;
  timeline: { at: string; action: string; text: string }[];
  canRate: boolean;
  rating: { resolved: boolean; satisfaction: Satisfaction; comment: string | null } | null;
}

export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

/** The residents' public API (CONTRACT.md "Residents' public API"), in the page's language. */
export function publicApi(lang: string, words: { network: string; server: string }) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`/api/public/${path}`, {
        method,
        headers: { Accept: 'application/json', 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN', ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch {
      throw new ApiError(words.network, 0);
    }
    const json = await res.json().catch(() => null);
    if (res.ok) return json as T;
    const retryAfter = Number(res.headers.get('Retry-After'));
    throw new ApiError(
      typeof json?.message === 'string' ? json.message : words.server.replace('{status}', String(res.status)),
      res.status,
      json?.errors && typeof json.errors === 'object' ? json.errors : {},
      res.status === 429 && retryAfter > 0 ? new Date(Date.now() + retryAfter * 1000) : null,
    );
  };
  return {
    entries: () => call<Entry[]>('GET', 'entries'),
    categories: () => call<PublicCategory[]>('GET', 'categories'),
    places: () => call<Place[]>('GET', 'grid-units'),
    challenge: () => call<Challenge>('GET', 'challenge'),
    ask: (body: AskBody & { challenge: string; nonce: string }) => call<{ number: string; secret: string }>('POST', 'requests', body),
    follow: (number: string, secret: string) => call<Followed>('GET', `requests/${encodeURIComponent(number)}?secret=${encodeURIComponent(secret)}`),
    rate: (number: string, body: { secret: string; resolved: boolean; satisfaction: Satisfaction; comment?: string }) =>
      call<{ number: string; status: string }>('POST', `requests/${encodeURIComponent(number)}/rating`, body),
  };
}

export type PublicApi = ReturnType<typeof publicApi>;
