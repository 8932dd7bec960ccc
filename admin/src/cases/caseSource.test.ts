import { describe, expect, it } from 'vitest';
import { sourceWords, type CaseSource } from './caseSource';

const source = (s: Partial<CaseSource>): CaseSource => ({ origin: null, company: null, creditCode: null, apiKey: null, residentRating: null, ...s });

describe('where a request came from', () => {
  it('names the public page, the enterprise with its credit code, the Open311 key', () => {
    expect(sourceWords(source({ origin: 'public' }))).toEqual({ key: 'app.source.public' });
    expect(sourceWords(source({ origin: 'enterprise', company: '青海某某科技有限公司', creditCode: '91630100MA7XXXXX1K' }))).toEqual({
      key: 'app.source.enterprise_code',
      params: { company: '青海某某科技有限公司', code: '91630100MA7XXXXX1K' },
    });
    expect(sourceWords(source({ origin: 'enterprise', company: '某公司' }))).toEqual({ key: 'app.source.enterprise_named', params: { company: '某公司' } });
    expect(sourceWords(source({ origin: 'open311', apiKey: { id: 2, name: '市12345平台' } }))).toEqual({ key: 'app.source.open311_key', params: { key: '市12345平台' } });
  });
  it('says nothing for a request staff logged (its channel does)', () => {
    expect(sourceWords(source({}))).toBeNull();
  });
});
