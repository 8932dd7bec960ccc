/**
 * The reference data the generator draws on, read from whatever the database holds (the demo seed's or
 * a real deployment's), with the lookups it needs precomputed.
 */
import { ancestryOf } from '../grid/ancestry.js';
import type { DataSource } from 'typeorm';
import { CalendarDay } from '../calendar/calendar-day.entity.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import type { Priority } from '../cases/case.constants.js';
import { Category } from '../categories/category.entity.js';
import { Channel, type ChannelGroup } from '../channels/channel.entity.js';
import { pathIds } from '../common/tree.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { Resident } from '../residents/resident.entity.js';
import { User } from '../users/user.entity.js';
import { effectivePolicy, limitsFor, type ClockLimits } from '../workflow/time-limits.js';

export interface CategoryInfo {
  id: number;
  name: string;
  code: string;
  topCode: string;
  isLeaf: boolean;
  /** The nearest default responsible unit along the chain. */
  departmentId: number | null;
  limits: Record<Priority, ClockLimits>;
}

export interface UnitInfo {
  id: number;
  name: string;
  level: string;
  path: string;
  communityId: number | null;
  gridId: number | null;
  lat: number | null;
  lng: number | null;
  /** How the place reads in a title: `小碱小区5号楼`, `铁路新村`, or a street for a grid. */
  place: string;
  compound: string | null;
  building: string | null;
  street: string;
}

export interface Reference {
  calendar: WorkCalendar;
  /** The local corrections the calendar was made with (a worker rebuilds it from these). */
  corrections: Map<string, boolean>;
  channels: { id: number; code: string; group: ChannelGroup }[];
  categories: CategoryInfo[];
  /** Grid, compound and building units (any unit when there are none). */
  units: UnitInfo[];
  unitById: Map<number, UnitInfo>;
  residents: Pick<Resident, 'id' | 'name' | 'phone' | 'address' | 'gridUnitId' | 'unitPath' | 'tags'>[];
  departments: { id: number; kind: string }[];
  users: { id: number; role: string; departmentId: number | null; scopePath: string | null }[];
}

export async function loadReference(ds: DataSource): Promise<Reference> {
  const m = ds.manager;
  const [channels, categories, units, residents, departments, users, days] = await Promise.all([
    m.getRepository(Channel).find({ where: { active: true }, order: { sort: 'ASC', id: 'ASC' } }),
    m.getRepository(Category).find({ order: { id: 'ASC' } }),
    m.getRepository(GridUnit).find({ order: { id: 'ASC' } }),
    m.getRepository(Resident).find({ select: { id: true, name: true, phone: true, address: true, gridUnitId: true, unitPath: true, tags: true }, order: { id: 'ASC' } }),
    m.getRepository(Department).find({ where: { active: true }, order: { id: 'ASC' } }),
    m.getRepository(User).find({ where: { active: true }, order: { id: 'ASC' } }),
    m.getRepository(CalendarDay).find(),
  ]);
  if (channels.length === 0 || units.length === 0) throw new Error('the database has no channels or no grid units to generate cases for');
  const categoryInfo = describeCategories(categories);
  if (categoryInfo.length === 0) throw new Error('the database has no active categories to generate cases for');
  const unitInfo = describeUnits(units);
  const pathById = new Map(units.map((u) => [u.id, u.path]));
  const corrections = new Map(days.map((d) => [d.date, d.workday]));
  return {
    calendar: new WorkCalendar(corrections),
    corrections,
    channels: channels.map((c) => ({ id: c.id, code: c.code, group: c.group })),
    categories: categoryInfo,
    units: unitInfo.filter((u) => ['grid', 'compound', 'building'].includes(u.level)).length ? unitInfo.filter((u) => ['grid', 'compound', 'building'].includes(u.level)) : unitInfo,
    unitById: new Map(unitInfo.map((u) => [u.id, u])),
    residents: residents.filter((r) => pathById.has(r.gridUnitId)),
    departments: departments.map((d) => ({ id: d.id, kind: d.kind })),
    users: users.map((u) => ({ id: u.id, role: u.role, departmentId: u.departmentId, scopePath: u.scopeUnitId ? pathById.get(u.scopeUnitId) ?? null : null })),
  };
}

function describeCategories(rows: Category[]): CategoryInfo[] {
  const byId = new Map(rows.map((c) => [c.id, c]));
  const hasChildren = new Set(rows.filter((c) => c.active && c.parentId !== null).map((c) => c.parentId!));
  return rows
    .filter((c) => c.active)
    .map((c) => {
      // The chain the intake reads limits from: the category, then its ancestors, nearest first.
      const chain = pathIds(c.path)
        .reverse()
        .map((id) => byId.get(id))
        .filter((x): x is Category => !!x);
      if (chain.length === 0) chain.push(c);
      const policy = effectivePolicy(chain);
      return {
        id: c.id,
        name: c.name,
        code: c.code,
        topCode: chain[chain.length - 1].code,
        isLeaf: !hasChildren.has(c.id),
        departmentId: chain.find((x) => x.departmentId !== null)?.departmentId ?? null,
        limits: { normal: limitsFor(policy, 'normal'), urgent: limitsFor(policy, 'urgent') },
      };
    });
}

function describeUnits(rows: GridUnit[]): UnitInfo[] {
  const byId = new Map(rows.map((u) => [u.id, u]));
  const ancestor = (u: GridUnit, level: string): GridUnit | undefined => {
    for (let x: GridUnit | undefined = u; x; x = x.parentId !== null ? byId.get(x.parentId) : undefined) if (x.level === level) return x;
    return undefined;
  };
  return rows.map((u) => {
    const compound = ancestor(u, 'compound')?.name ?? null;
    const building = u.level === 'building' ? u.name : null;
    const community = ancestor(u, 'community')?.name ?? ancestor(u, 'subdistrict')?.name ?? u.name;
    const street = community.replace(/(社区|街道)$/, '') || community;
    const place = compound ? `${compound}${building ?? ''}` : street;
    return { id: u.id, name: u.name, level: u.level, path: u.path, ...ancestryOf(u.path, byId), lat: u.lat, lng: u.lng, place, compound, building, street };
  });
}
