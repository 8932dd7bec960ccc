import { describe, expect, it } from 'vitest';
import { messages } from '../i18n';
import { ACCESS_ACTIONS, ACCESS_RESOURCES, mayExportFull } from './accessLog';

describe('access log', () => {
  it('offers full exports to admins and to users granted them, to no one else', () => {
    expect(mayExportFull({ role: 'admin' })).toBe(true);
    expect(mayExportFull({ role: 'dispatcher', canExportPersonalData: true })).toBe(true);
    expect(mayExportFull({ role: 'dispatcher' })).toBe(false);
    expect(mayExportFull({ role: 'supervisor', canExportPersonalData: false })).toBe(false);
    expect(mayExportFull(null)).toBe(false);
  });

  it('has words for every action and resource in both languages', () => {
    for (const lang of [messages.zh, messages.en]) {
      expect(ACCESS_ACTIONS.filter((a) => !(a in lang.enums.accessAction))).toEqual([]);
      expect(ACCESS_RESOURCES.filter((r) => !(r in lang.enums.accessResource))).toEqual([]);
    }
  });
});
