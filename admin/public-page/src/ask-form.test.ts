import { describe, expect, it } from 'vitest';
import { askBody, type AskForm } from './ask-form';
import { isCreditCode, isMobile } from './checks';

const form = (change: Partial<AskForm> = {}): AskForm => ({
  entry: 'wechat',
  enterprise: false,
  categoryId: 7,
  description: '  3号楼电梯停了两天，老人上下楼困难  ',
  communityId: 2,
  compoundId: 5,
  address: '',
  location: null,
  name: '',
  phone: '',
  company: '',
  creditCode: '',
  photos: [],
  ...change,
});

/** The body of a form that passes its checks. */
const sent = (f: AskForm): Record<string, unknown> => {
  const r = askBody(f);
  if (!('body' in r)) throw new Error(`refused: ${JSON.stringify(r.problems)}`);
  return { ...r.body };
};

describe('the checks the page makes before sending', () => {
  it('takes an 11-digit mainland mobile, typed with spaces or dashes too', () => {
    expect(isMobile('13812345678')).toBe(true);
    expect(isMobile('138 1234 5678')).toBe(true);
    expect(isMobile('138-1234-5678')).toBe(true);
    expect(isMobile('1381234567')).toBe(false);
    expect(isMobile('12812345678')).toBe(false);
    expect(isMobile('0971-8123456')).toBe(false);
  });

  it('takes an 18-character credit code, lower case turned upper, without I O S V Z', () => {
    expect(isCreditCode('91630100MA7XXXXX1K')).toBe(true);
    expect(isCreditCode('91630100ma7xxxxx1k')).toBe(true);
    expect(isCreditCode('91630100MA7XXXXX1')).toBe(false);
    expect(isCreditCode('91630100MA7XXXXX1O')).toBe(false);
  });
});

describe('the form becomes the body the API takes', () => {
  it('sends the compound chosen, the description trimmed, and leaves out what was not filled', () => {
    expect(askBody(form())).toEqual({ body: { entry: 'wechat', categoryId: 7, description: '3号楼电梯停了两天，老人上下楼困难', gridUnitId: 5 } });
  });

  it('sends the community when no compound is chosen, and the device location beside it', () => {
    const body = sent(form({ compoundId: null, location: { lat: 36.62, lng: 101.78 } }));
    expect(body).toMatchObject({ gridUnitId: 2, lat: 36.62, lng: 101.78 });
  });

  it('may send the device location alone: the server finds the nearest compound', () => {
    const body = sent(form({ communityId: null, compoundId: null, location: { lat: 36.62, lng: 101.78 } }));
    expect(body.gridUnitId).toBeUndefined();
    expect(body).toMatchObject({ lat: 36.62, lng: 101.78 });
  });

  it('sends name, phone (digits only) and photos; company and credit code only through an enterprise entry', () => {
    const filled = { name: ' 王女士 ', phone: '138 1234 5678', company: '某某科技有限公司', creditCode: '91630100ma7xxxxx1k', photos: ['data:image/jpeg;base64,AAAA'] };
    expect(askBody(form(filled))).toEqual({
      body: { entry: 'wechat', categoryId: 7, description: '3号楼电梯停了两天，老人上下楼困难', gridUnitId: 5, name: '王女士', phone: '13812345678', photos: ['data:image/jpeg;base64,AAAA'] },
    });
    const body = sent(form({ ...filled, entry: 'enterprise', enterprise: true }));
    expect(body).toMatchObject({ entry: 'enterprise', company: '某某科技有限公司', creditCode: '91630100MA7XXXXX1K' });
  });

  it('names every field it cannot send, by the API’s field names', () => {
    expect(askBody(form({ categoryId: null, description: '坏了', communityId: null, compoundId: null, phone: '12345' }))).toEqual({
      problems: { categoryId: 'category', description: 'description', gridUnitId: 'place', phone: 'phone' },
    });
    expect(askBody(form({ enterprise: true, creditCode: 'short' }))).toEqual({ problems: { company: 'company', creditCode: 'creditCode' } });
    expect(askBody(form({ description: '长'.repeat(2001) }))).toEqual({ problems: { description: 'descriptionLong' } });
  });
});
