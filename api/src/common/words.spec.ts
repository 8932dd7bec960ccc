import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { WORDS } from './words.js';

// The console's words (admin/src/i18n/app-zh.ts), read as text: the API does not build the console's code.
const consoleZh = readFileSync(new URL('../../../../admin/src/i18n/app-zh.ts', import.meta.url), 'utf8');
const enums = consoleZh.slice(consoleZh.indexOf('enums: {'), consoleZh.indexOf('resources: {'));

describe('export words', () => {
  it('are the words the console shows for the same codes', () => {
    for (const [set, words] of Object.entries(WORDS)) {
      const block = new RegExp(`\\b${set}: \\{([^}]*)\\}`).exec(enums)?.[1];
      assert.ok(block, `the console has enums.${set}`);
      for (const [code, word] of Object.entries(words)) {
        assert.match(block, new RegExp(`(?:\\b|')${code}'?: '${word}'`), `enums.${set}.${code} is '${word}' in the console too`);
      }
    }
  });
});
