import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { fieldError, forbidden } from '../common/errors.js';
import { User } from '../users/user.entity.js';

/**
 * Exports carry phones and addresses masked for every role (DOMAIN.md, personal data); `?full=1` asks for the
 * whole values, which only a user holding the permission an admin grants (`canExportPersonalData`) may have.
 */
export function wantsFullValues(full: unknown): boolean {
  if (full === undefined || full === '' || full === '0' || full === 'false') return false;
  if (full === '1' || full === 'true') return true;
  throw fieldError('full', 'boolean');
}

/** 403 unless the user may export personal data in full; read from the database, so a revoked grant holds at once. */
export async function mustMayExportFull(ds: DataSource, user: AuthUser): Promise<void> {
  if (user.role === 'admin') return;
  const row = await ds.getRepository(User).findOne({ where: { id: user.id }, select: { id: true, canExportPersonalData: true } });
  if (!row?.canExportPersonalData) throw forbidden('personalExportForbidden');
}
