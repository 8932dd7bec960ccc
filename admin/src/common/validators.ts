import { regex } from 'react-admin';

/**
 * Formats the API checks, checked in the form first so that a person sees why beside the field before
 * anything is sent. The patterns are the API's DTOs' (api/src/*\/dto); the messages are i18n keys.
 */
export const PHONE = /^(\+?86)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$|^\d{3,8}$/;
export const phone = regex(PHONE, 'app.validation.phone');
/** A unit's or a user's phone: looser than a resident's (extensions, switchboards). */
export const phoneNumber = regex(/^[0-9+\- ]{3,30}$/, 'app.validation.phone_number');
export const username = regex(/^[A-Za-z0-9_.-]{2,50}$/, 'app.validation.username');
export const channelCode = regex(/^[a-z0-9_]{1,30}$/, 'app.validation.channel_code');
/** A webhook's receiver (the API accepts http and https addresses). */
export const httpUrl = regex(/^https?:\/\/[^\s/]+\S*$/, 'app.validation.http_url');
export const isoDate = regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'app.validation.date');

/** A handler works for a unit: the unit is required once the role is handler. */
export const unitForHandler = (value: unknown, values: { role?: string }) =>
  values?.role === 'handler' && (value === null || value === undefined || value === '') ? 'app.validation.handler_unit' : undefined;
