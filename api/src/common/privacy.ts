/** 13812341234 → 138****1234; short numbers keep only their last two digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.replace(/\s/g, '');
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/**
 * An address with the door hidden: every digit starred (小碱小区5号楼2单元301 → 小碱小区*号楼*单元***), so a
 * ledger still shows the compound and street while no household can be found from it; an address without
 * digits keeps its first half.
 */
export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return address ?? null;
  // Full-width digits too (５号楼), as some input methods type them.
  if (/[0-9０-９]/.test(address)) return address.replace(/[0-9０-９]/g, '*');
  const chars = [...address];
  const keep = Math.floor(chars.length / 2);
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

/** 18-digit (or old 15-digit) 居民身份证号, not part of a longer number. */
const ID_NUMBER = /(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])/g;
/** Mobile numbers (1[3-9] and nine digits, optionally +86 and spaces or dashes) and landlines (0971-1234567). */
const PHONE = /(?<![0-9])(?:(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}|0[0-9]{2,3}-?[0-9]{7,8})(?![0-9])/g;

/**
 * Free text (a request's description) fit to publish: identity-card numbers keep their first and last two
 * characters, phone numbers are masked as in lists (138****1234). A resident often writes "请回电
 * 13812345678" into the description itself; Open311 publishes descriptions to anyone.
 */
export function maskContactsInText(text: string): string {
  return text
    .replace(ID_NUMBER, (id) => `${id.slice(0, 2)}${'*'.repeat(id.length - 4)}${id.slice(-2)}`)
    .replace(PHONE, (phone) => maskPhone(phone.replace(/[ -]/g, '').replace(/^\+?86(?=1)/, '')) ?? '');
}
