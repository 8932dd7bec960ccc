/** The access log's codes (api/src/access-log/access-log.entity.ts and the resources that write to it). */
export const ACCESS_ACTIONS = ['read', 'export'] as const;
export const ACCESS_RESOURCES = ['cases', 'residents', 'users', 'grid-units'] as const;

/** Whether a signed-in user may ask for an export with full phones and addresses: admins, and those granted it. */
export const mayExportFull = (user: { role?: string; canExportPersonalData?: boolean } | null | undefined) => !!user && (user.role === 'admin' || user.canExportPersonalData === true);
