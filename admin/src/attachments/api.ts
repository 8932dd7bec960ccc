import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { API_URL, authHeaders } from '../dataProvider';
import type { Stage } from './fileCheck';

export interface Attachment {
  id: number;
  caseId: number;
  stage: Stage;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedById: number | null;
  createdAt: string;
  note?: string | null;
}

export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's `{field: why}`, when it named the field it refused. */
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** `POST /api/cases/:id/attachments` as multipart; the text fields go first so the server knows them before the bytes. */
export async function uploadAttachment(caseId: number | string, file: File, stage: Stage, note?: string): Promise<Attachment> {
  const body = new FormData();
  body.append('stage', stage);
  if (note?.trim()) body.append('note', note.trim());
  body.append('file', file, file.name || 'photo');
  const res = await fetch(`${API_URL}/cases/${caseId}/attachments`, { method: 'POST', headers: authHeaders(), body });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new UploadError(res.status, json?.message ?? res.statusText, json?.errors);
  return json as Attachment;
}

/** An upload refusal in the user's words: too large is ours to say; anything else is the server's own reason. */
export const useUploadErrorText = () => {
  const t = useTranslate();
  return (e: unknown) => {
    if (e instanceof UploadError && e.status === 413) return t('app.attachments.problem.too_large');
    const fields = e instanceof UploadError && e.errors ? Object.entries(e.errors).map(([f, why]) => `${t(`resources.attachments.fields.${f}`, { _: f })} ${why}`) : [];
    return t('app.attachments.failed', { message: fields.length ? fields.join('; ') : e instanceof Error ? e.message : String(e) });
  };
};

/** A local URL for bytes in memory, released when the component goes away. */
export function useObjectUrl(blob: Blob | null | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return setUrl(undefined);
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  return url;
}

/** The file's bytes, fetched with the bearer token (it never goes into a URL); cached, as attachments never change. */
export function useAttachmentUrl(id: number | undefined) {
  const { data, isError } = useQuery({
    queryKey: ['attachment-content', id],
    queryFn: async () => {
      const res = await fetch(`${API_URL}/attachments/${id}/content`, { headers: authHeaders() });
      if (!res.ok) throw new UploadError(res.status, res.statusText);
      return res.blob();
    },
    enabled: id != null,
    staleTime: Infinity,
  });
  return { url: useObjectUrl(data), isError };
}
