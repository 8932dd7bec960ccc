/**
 * Whether residents see a timeline entry, and who an entry without a staff member came from: pure, so the
 * rules the chips and the toggle follow are tested once.
 */
export type Visibility = 'public' | 'internal';

export interface VisibleEntry {
  action: string;
  actorId?: number | null;
  /** The API's answer: whether the resident sees it on the public page (its own mark, or its action's default). */
  public?: boolean;
  data?: Record<string, unknown> | null;
}

/** What a click on the toggle asks for: the other side of what residents see now. */
export const toggledVisibility = (e: VisibleEntry): Visibility => (e.public ? 'internal' : 'public');

/** A mark is a record of a change, not something residents follow: the API refuses to mark it (400). */
export const markable = (e: VisibleEntry) => e.action !== 'set_visibility';

/**
 * The i18n key naming who acted when no staff member did: the resident who asked on the public page or rated
 * their own case, the enterprise that asked on its form, an integrator through Open311, else the server itself.
 * `null` when a staff member acted (their name is shown).
 */
export function outsideActorKey(e: VisibleEntry): string | null {
  if (e.actorId) return null;
  const data = e.data ?? {};
  if (data.by === 'resident') return 'app.timeline.resident';
  if (e.action === 'create' && data.origin === 'public') return 'app.timeline.resident';
  if (e.action === 'create' && data.origin === 'enterprise') return 'app.timeline.enterprise';
  if (e.action === 'create' && data.origin === 'open311') return 'app.timeline.open311';
  return 'app.timeline.system';
}
