/** `GET /api/public/categories`: the leaves a resident may choose, each with its top level as `group`. */
export interface PublicCategory {
  id: number;
  name: string;
  fullName: string;
  group: string;
  keywords: string[];
}

/** The categories matching every word typed, in name, full name, group or keywords ("物业 电梯" finds 电梯故障 under 物业管理). */
export function matchCategories(categories: PublicCategory[], query: string): PublicCategory[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return categories;
  return categories.filter((c) => {
    const haystack = [c.name, c.fullName, c.group, ...c.keywords].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
