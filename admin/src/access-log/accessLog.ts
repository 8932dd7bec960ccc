/** The access log's codes (api/src/access-log/access-log.entity.ts and the resources that write to it). */
export const ACCESS_ACTIONS = ['read', 'export'] as const;
export const ACCESS_RESOURCES = ['cases', 'residents', 'users', 'grid-units'] as const;
/** The words an entry's detail is made of, space-separated: `list`, `by-phone`, or an export's `full xlsx`, `masked csv`. */
export const ACCESS_DETAILS = ['list', 'by-phone', 'full', 'masked', 'csv', 'xlsx'] as const;

/** An entry's detail in the console's language, each code by its word (an unknown one as it is). */
export const detailWords = (detail: string | null | undefined, t: (key: string, options?: object) => string) =>
  detail ? detail.split(' ').filter(Boolean).map((code) => t(`enums.accessDetail.${code}`, { _: code })).join(' · ') : '';

/** Whether a signed-in user may ask for an export with full phones and addresses: admins, and those granted it. */
export const mayExportFull = (user: { role?: string; canExportPersonalData?: boolean } | null | undefined) => !!user && (user.role === 'admin' || user.canExportPersonalData === true);
