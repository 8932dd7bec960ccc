/** The public page's address for one entry channel (`/m/?entry=<code>`): what goes on a poster's QR code or a park's notice. */
export const entryLink = (origin: string, code: string) => `${origin}/m/?entry=${encodeURIComponent(code)}`;
