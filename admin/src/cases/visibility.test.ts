import { describe, expect, it } from 'vitest';
import { markable, outsideActorKey, toggledVisibility } from './visibility';

describe('timeline visibility', () => {
  it('a toggle asks for the other side of what residents see now', () => {
    expect(toggledVisibility({ action: 'reply', public: true })).toBe('internal');
    expect(toggledVisibility({ action: 'comment', public: false })).toBe('public');
  });
  it('a visibility mark is not itself markable', () => {
    expect(markable({ action: 'set_visibility' })).toBe(false);
    expect(markable({ action: 'comment' })).toBe(true);
  });
});

describe('who acted when no staff member did', () => {
  it('names the resident who asked or rated, the enterprise, the integrator, else the system', () => {
    expect(outsideActorKey({ action: 'create', data: { origin: 'public' } })).toBe('app.timeline.resident');
    expect(outsideActorKey({ action: 'follow_up', actorId: null, data: { by: 'resident', resolved: true } })).toBe('app.timeline.resident');
    expect(outsideActorKey({ action: 'create', data: { origin: 'enterprise' } })).toBe('app.timeline.enterprise');
    expect(outsideActorKey({ action: 'create', data: { origin: 'open311' } })).toBe('app.timeline.open311');
    expect(outsideActorKey({ action: 'overdue', data: { clock: 'resolve' } })).toBe('app.timeline.system');
  });
  it('says nothing when a staff member acted (their name is shown)', () => {
    expect(outsideActorKey({ action: 'create', actorId: 3, data: { origin: 'public' } })).toBeNull();
  });
});
