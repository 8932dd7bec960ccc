/** The file name the server gave (`Content-Disposition`, RFC 5987 `filename*` first), else ours. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (disposition) {
    const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
    if (star) {
      try {
        return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
      } catch {
        /* a malformed name: fall through */
      }
    }
    const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
    if (plain) return plain[1].trim();
  }
  return fallback;
}

/** The name (without extension) to save a report under when the server gives none: `rates-2026-10-24-2026-11-23`. */
export const reportFileName = (path: string, parts: readonly (string | number | null | undefined)[]) =>
  [path.replace(/^.*\//, ''), ...parts.filter((p) => p !== undefined && p !== null && p !== '')].join('-');
