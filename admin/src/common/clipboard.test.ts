import { describe, expect, it, vi } from 'vitest';
import { copyText } from './clipboard';

/** Just enough of a document for the fallback path. */
function fakeDocument(copies: boolean) {
  const copied: string[] = [];
  let area: { value: string; style: Record<string, string>; setAttribute: () => void; select: () => void; remove: () => void } | undefined;
  const doc = {
    createElement: () => (area = { value: '', style: {}, setAttribute: () => {}, select: () => {}, remove: vi.fn() }),
    body: { appendChild: () => {} },
    execCommand: (cmd: string) => {
      if (cmd === 'copy' && copies) copied.push(area!.value);
      return copies;
    },
  };
  return { doc: doc as unknown as Document, copied, area: () => area };
}

describe('copying the daily report', () => {
  it('uses the Clipboard API when it is there', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    const { doc, copied } = fakeDocument(true);
    expect(await copyText('11月23日，……', doc, { clipboard: { writeText } } as unknown as Navigator)).toBe(true);
    expect(writeText).toHaveBeenCalledWith('11月23日，……');
    expect(copied).toEqual([]);
  });
  it('falls back to a hidden textarea on plain http, and tidies it away', async () => {
    const { doc, copied, area } = fakeDocument(true);
    expect(await copyText('日报正文', doc, {} as Navigator)).toBe(true);
    expect(copied).toEqual(['日报正文']);
    expect(area()!.remove).toHaveBeenCalled();
  });
  it('falls back when the Clipboard API refuses, and says so when nothing works', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('denied'));
    const { doc } = fakeDocument(false);
    expect(await copyText('x', doc, { clipboard: { writeText } } as unknown as Navigator)).toBe(false);
  });
});
