/** `GET /api/public/grid-units`: communities and their compounds, names only. */
export interface Place {
  id: number;
  name: string;
  level: string;
  parentId: number | null;
}

export interface Community {
  id: number;
  name: string;
  compounds: { id: number; name: string }[];
}

/** The community → compound picker's choices, in the API's order. */
export function communities(places: Place[]): Community[] {
  const byId = new Map<number, Community>();
  for (const p of places) if (p.level === 'community') byId.set(p.id, { id: p.id, name: p.name, compounds: [] });
  for (const p of places) if (p.level === 'compound' && p.parentId !== null) byId.get(p.parentId)?.compounds.push({ id: p.id, name: p.name });
  return [...byId.values()];
}

/** What a QR code's `unit=` presets: a compound with its community, or a community alone; nothing for an unknown id. */
export function presetPlace(places: Place[], unit: number | null): { communityId: number | null; compoundId: number | null } {
  const place = places.find((p) => p.id === unit);
  if (!place) return { communityId: null, compoundId: null };
  if (place.level === 'compound') return { communityId: place.parentId, compoundId: place.id };
  return { communityId: place.level === 'community' ? place.id : null, compoundId: null };
}
