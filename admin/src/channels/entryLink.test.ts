import { describe, expect, it } from 'vitest';
import { entryLink } from './entryLink';

describe("a channel's public entry link", () => {
  it('opens the public page on that channel', () => {
    expect(entryLink('https://12345.example.cn', 'park_enterprise')).toBe('https://12345.example.cn/m/?entry=park_enterprise');
  });
});
