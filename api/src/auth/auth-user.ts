import type { Role } from '../users/user.entity.js';

/** Who is calling: what the guards attach to the request and services take as the actor. */
export interface AuthUser {
  id: number;
  username: string;
  name: string;
  role: Role;
  scopeUnitId: number | null;
  departmentId: number | null;
  /** The channel intake presets (a user setting, PUT /api/auth/me/settings). */
  defaultChannelId: number | null;
  /** The scope unit's path (`/1/5/`), null when the user works everywhere. */
  scopePath: string | null;
}

export const isAdmin = (u: AuthUser) => u.role === 'admin';
