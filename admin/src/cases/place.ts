/** How the API joins a grid unit's names from the root down (`api/src/common/tree.ts`, NAME_SEPARATOR). */
const SEPARATOR = ' / ';

/**
 * Where a case is, short enough for a list cell yet unambiguous: the unit and the one above it, so a building reads
 * "小碱小区 5号楼" (there is a 5号楼 in every compound) and a grid "黄河路社区 3号网格".
 */
export function placeName(fullName: string | null | undefined, name?: string | null): string {
  const names = (fullName ?? '').split(SEPARATOR).map((n) => n.trim()).filter(Boolean);
  if (!names.length) return name ?? '';
  return names.slice(-2).join(' ');
}
