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
