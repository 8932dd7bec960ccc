import { cleanCreditCode, cleanPhone, DESCRIPTION_MAX, DESCRIPTION_MIN, isCreditCode, isMobile } from './checks';

/** What the resident has filled in on 我要反映. */
export interface AskForm {
  entry: string;
  enterprise: boolean;
  categoryId: number | null;
  description: string;
  communityId: number | null;
  compoundId: number | null;
  address: string;
  location: { lat: number; lng: number } | null;
  name: string;
  phone: string;
  company: string;
  creditCode: string;
  photos: string[];
}

/** `POST /api/public/requests`'s body without its proof of work. */
export interface AskBody {
  entry?: string;
  categoryId: number;
  description: string;
  gridUnitId?: number;
  address?: string;
  lat?: number;
  lng?: number;
  name?: string;
  phone?: string;
  company?: string;
  creditCode?: string;
  photos?: string[];
}

/** Why a field cannot be sent, as a key of the page's check words; keyed by the API's field names. */
export type FieldProblems = Partial<Record<keyof AskBody, 'category' | 'description' | 'descriptionLong' | 'place' | 'phone' | 'creditCode' | 'company'>>;

/** The body to send, or what is wrong with the form (the same rules as the API's). */
export function askBody(form: AskForm): { body: AskBody } | { problems: FieldProblems } {
  const problems: FieldProblems = {};
  const description = form.description.trim();
  const phone = cleanPhone(form.phone);
  const creditCode = cleanCreditCode(form.creditCode);
  const company = form.company.trim();
  if (form.categoryId === null) problems.categoryId = 'category';
  if (description.length < DESCRIPTION_MIN) problems.description = 'description';
  if (description.length > DESCRIPTION_MAX) problems.description = 'descriptionLong';
  // The server places a request by its device location (the nearest compound) when no place is chosen.
  const gridUnitId = form.compoundId ?? form.communityId ?? undefined;
  if (gridUnitId === undefined && !form.location) problems.gridUnitId = 'place';
  if (phone && !isMobile(phone)) problems.phone = 'phone';
  if (form.enterprise && !company) problems.company = 'company';
  if (form.enterprise && creditCode && !isCreditCode(creditCode)) problems.creditCode = 'creditCode';
  if (Object.keys(problems).length > 0) return { problems };

  const optional = (value: string) => value.trim() || undefined;
  const body: AskBody = {
    entry: form.entry || undefined,
    categoryId: form.categoryId as number,
    description,
    gridUnitId,
    address: optional(form.address),
    lat: form.location?.lat,
    lng: form.location?.lng,
    name: optional(form.name),
    phone: phone || undefined,
    company: form.enterprise ? company : undefined,
    creditCode: form.enterprise ? creditCode || undefined : undefined,
    photos: form.photos.length > 0 ? form.photos : undefined,
  };
  // Left-out fields are not sent at all (JSON.stringify drops undefined, but tests compare objects).
  for (const key of Object.keys(body) as (keyof AskBody)[]) if (body[key] === undefined) delete body[key];
  return { body };
}
