/** Where a request came from (GET /cases/:id/source), in words: pure, so each origin's wording is tested once. */
export interface CaseSource {
  origin: 'public' | 'enterprise' | 'open311' | null;
  company: string | null;
  creditCode: string | null;
  apiKey: { id: number; name: string } | null;
  residentRating: { resolved: boolean; satisfaction: string; comment: string | null; at: string } | null;
}

/**
 * The 来源 line as an i18n key and its values: 居民端; 企业端 with the company and its credit code when given;
 * Open311 with the key's name. `null` for a request staff logged (its channel says where it came from).
 */
export function sourceWords(s: CaseSource): { key: string; params?: Record<string, string> } | null {
  switch (s.origin) {
    case 'public':
      return { key: 'app.source.public' };
    case 'enterprise':
      if (!s.company) return { key: 'app.source.enterprise' };
      return s.creditCode ? { key: 'app.source.enterprise_code', params: { company: s.company, code: s.creditCode } } : { key: 'app.source.enterprise_named', params: { company: s.company } };
    case 'open311':
      return s.apiKey ? { key: 'app.source.open311_key', params: { key: s.apiKey.name } } : { key: 'app.source.open311' };
    default:
      return null;
  }
}
