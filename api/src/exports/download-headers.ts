import type { ServerResponse } from 'node:http';

export type ExportFormat = 'xlsx' | 'csv';

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** RFC 5987 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves alone. */
const encodeRfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The name an old client falls back to when it cannot read `filename*`: the caller's ASCII name, or
 * what is left of the Chinese name (`诉求工单-2026-11-23` → `export-2026-11-23`).
 */
export function asciiFallback(baseName: string, asciiName?: string): string {
  const clean = (s: string) => s.replace(/[^\x20-\x7e]+/g, '').replace(/["\\;%]/g, '').trim();
  if (asciiName) return clean(asciiName) || 'export';
  const kept = clean(baseName);
  if (kept === baseName) return kept || 'export';
  const rest = kept.replace(/^[-_ .]+|[-_ .]+$/g, '');
  return rest ? `export-${rest}` : 'export';
}

/** `attachment; filename="export-2026-11-23.xlsx"; filename*=UTF-8''%E8%AF%89…` */
export function contentDisposition(baseName: string, format: ExportFormat, asciiName?: string): string {
  return `attachment; filename="${asciiFallback(baseName, asciiName)}.${format}"; filename*=UTF-8''${encodeRfc5987(`${baseName}.${format}`)}`;
}

/** The headers of a download of personal data: a file to save, never cached on the way. */
export function setDownloadHeaders(res: ServerResponse, format: ExportFormat, baseName: string, asciiName?: string) {
  res.statusCode = 200;
  res.setHeader('Content-Type', CONTENT_TYPE[format]);
  res.setHeader('Content-Disposition', contentDisposition(baseName, format, asciiName));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}
