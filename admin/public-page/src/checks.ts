/**
 * The checks the page makes before sending, the same the API makes (api/src/public/dto/public-request.dto.ts),
 * so a resident sees the problem beside the field at once instead of after the proof of work and the upload.
 */
export const MOBILE = /^1[3-9]\d{9}$/;
/** 统一社会信用代码: 18 characters, digits and capitals without I, O, S, V, Z. */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 2000;
export const MAX_PHOTOS = 3;

/** A phone typed with spaces or dashes (138 1234 5678) is the same number. */
export const cleanPhone = (typed: string) => typed.replace(/[\s-]/g, '');
export const cleanCreditCode = (typed: string) => typed.replace(/\s/g, '').toUpperCase();

export const isMobile = (typed: string) => MOBILE.test(cleanPhone(typed));
export const isCreditCode = (typed: string) => CREDIT_CODE.test(cleanCreditCode(typed));
