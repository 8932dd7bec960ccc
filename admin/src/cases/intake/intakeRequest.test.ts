import { describe, expect, it } from 'vitest';
import { toIntakeRequest } from './intakeRequest';

describe('the intake form as the API takes it', () => {
  it('leaves out empty fields', () => {
    expect(toIntakeRequest({ title: '路灯不亮', address: '', lat: null, reporterName: undefined })).toEqual({ title: '路灯不亮' });
  });

  it('with a resident picked, drops the part of the number that found them, keeps a full one', () => {
    expect(toIntakeRequest({ residentId: 7, reporterPhone: '1390000' })).toEqual({ residentId: 7 });
    expect(toIntakeRequest({ residentId: 7, reporterPhone: '13900001111' })).toEqual({ residentId: 7, reporterPhone: '13900001111' });
    expect(toIntakeRequest({ reporterPhone: ' 12345 ' })).toEqual({ reporterPhone: '12345' });
  });
});
