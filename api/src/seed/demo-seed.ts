/**
 * The demo community in an empty database: territory, responsible units, channels, categories, staff,
 * residents, then cases with their timelines. A fixed seed makes it the same on every run (for the
 * same `now`).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { Category } from '../categories/category.entity.js';
import { Channel } from '../channels/channel.entity.js';
import { childPath, NAME_SEPARATOR } from '../common/tree.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { Resident } from '../residents/resident.entity.js';
import { DEMO_PASSWORD, hashPassword } from '../users/passwords.js';
import { User } from '../users/user.entity.js';
import { generateCases } from './case-generator.js';
import { CATEGORIES, type CategorySeed } from './demo-categories.js';
import { seedKnowledge } from './demo-knowledge.js';
import { CHANNELS, DEPARTMENTS, GRID_TREE, MAP_CENTER, type UnitSeed } from './demo-data.js';
import { householdAddress, mobile, personName, residentTags, USERS } from './demo-people.js';
import { Random } from './random.js';

export const DEMO_SEED = 20251015;
const RESIDENTS = 300;

export interface SeedDemoOptions {
  timeZone: string;
  now?: Date;
  /** Cases to generate (default 2,000); 0 for the reference data only. */
  cases?: number;
  /** Over how many days before now (default 90). */
  days?: number;
}

interface Placed {
  id: number;
  path: string;
  fullName: string;
}

/** How far (in degrees) a unit's point may sit from its parent's. */
const SPREAD: Record<string, number> = { community: 0.012, zone: 0.006, grid: 0.004, compound: 0.0015, building: 0.0004 };

export async function seedDemo(ds: DataSource, opts: SeedDemoOptions): Promise<void> {
  const now = opts.now ?? new Date();
  const rng = new Random(DEMO_SEED);
  // Each account its own salt, so equal hashes do not show that the accounts share a password. argon2 is
  // deliberately slow (about 25 ms a hash here): the 21 are made at once, in libuv's threads.
  const passwordHashes = await Promise.all(USERS.map(() => hashPassword(DEMO_PASSWORD)));
  await ds.transaction(async (m) => {
    const units = new Map<string, Placed & { seed: UnitSeed; compound: string | null }>();
    await insertUnit(m, rng, GRID_TREE, null, MAP_CENTER, 0, null, units);

    const departments = new Map<string, number>();
    for (const d of DEPARTMENTS) departments.set(d.name, await insertId(m, Department, { ...d, active: true }));

    await m.createQueryBuilder().insert().into(Channel).values(CHANNELS.map((c, i) => ({ ...c, sort: i + 1, active: true }))).execute();

    for (const [i, c] of CATEGORIES.entries()) await insertCategory(m, c, null, i + 1, departments);
    const categoryIds = new Map((await m.getRepository(Category).find({ select: { id: true, code: true } })).map((c) => [c.code, c.id]));
    await seedKnowledge(m, categoryIds);

    await m
      .createQueryBuilder()
      .insert()
      .into(User)
      .values(
        USERS.map((u, i) => ({
          username: u.username,
          name: u.name,
          role: u.role,
          phone: u.phone,
          scopeUnitId: u.scope ? units.get(u.scope)!.id : null,
          departmentId: u.department ? departments.get(u.department)! : null,
          passwordHash: passwordHashes[i],
          active: true,
        })),
      )
      .execute();

    // Residents live in the buildings registered as units, or in compounds that register none.
    const homes = [...units.values()].filter((u) => u.seed.level === 'building' || (u.seed.level === 'compound' && u.seed.children.length === 0));
    const residents = Array.from({ length: RESIDENTS }, () => {
      const home = rng.pick(homes);
      const tags = residentTags(rng);
      return {
        name: personName(rng),
        phone: rng.chance(0.03) ? null : mobile(rng),
        gridUnitId: home.id,
        unitPath: home.path,
        address: householdAddress(rng, home.compound ?? home.seed.name, home.seed.level === 'building' ? home.seed.name : null),
        tags,
        keyPopulation: tags.length > 0,
      };
    });
    await m.createQueryBuilder().insert().into(Resident).values(residents).execute();
  });

  const cases = opts.cases ?? 2000;
  if (cases > 0) await generateCases(ds, { count: cases, days: opts.days ?? 90, timeZone: opts.timeZone, now, seed: DEMO_SEED });
}

/** Inserts a row and returns its id (both databases report it). */
async function insertId(m: EntityManager, target: new () => object, values: Record<string, unknown>): Promise<number> {
  const res = await m.insert(target, values as never);
  return Number(res.identifiers[0].id);
}

/** A unit and its subtree, with `path` and `fullName` as GridService keeps them; buildings get a 楼栋长. */
async function insertUnit(
  m: EntityManager,
  rng: Random,
  seed: UnitSeed,
  parent: Placed | null,
  near: { lat: number; lng: number },
  sort: number,
  compound: string | null,
  out: Map<string, Placed & { seed: UnitSeed; compound: string | null }>,
): Promise<void> {
  const spread = SPREAD[seed.level] ?? 0;
  const lat = round6(near.lat + (rng.next() - 0.5) * 2 * spread);
  const lng = round6(near.lng + (rng.next() - 0.5) * 2 * spread);
  const building = seed.level === 'building';
  const fullName = parent ? `${parent.fullName}${NAME_SEPARATOR}${seed.name}` : seed.name;
  const id = await insertId(m, GridUnit, {
    name: seed.name,
    code: seed.code,
    level: seed.level,
    parentId: parent?.id ?? null,
    path: '',
    fullName,
    leaderName: seed.leaderName ?? (building ? personName(rng) : null),
    leaderPhone: seed.leaderPhone ?? (building ? mobile(rng) : null),
    lat,
    lng,
    geometry: { type: 'Point', coordinates: [lng, lat] },
    sort,
  });
  const path = childPath(parent?.path, id);
  await m.update(GridUnit, id, { path });
  const placed = { id, path, fullName };
  const ownCompound = seed.level === 'compound' ? seed.name : compound;
  out.set(seed.code, { ...placed, seed, compound: ownCompound });
  for (const [i, child] of seed.children.entries()) await insertUnit(m, rng, child, placed, { lat, lng }, i + 1, ownCompound, out);
}

async function insertCategory(m: EntityManager, seed: CategorySeed, parent: Placed | null, sort: number, departments: Map<string, number>): Promise<void> {
  const fullName = parent ? `${parent.fullName}${NAME_SEPARATOR}${seed.name}` : seed.name;
  const l = seed.limits ?? {};
  const id = await insertId(m, Category, {
    name: seed.name,
    code: seed.code,
    parentId: parent?.id ?? null,
    path: '',
    fullName,
    departmentId: seed.department ? departmentId(departments, seed.department) : null,
    signForHours: l.signForHours ?? null,
    responseHours: l.responseHours ?? null,
    resolveLimit: l.resolveLimit ?? null,
    resolveUnit: l.resolveUnit ?? null,
    urgentSignForHours: l.urgentSignForHours ?? null,
    urgentResponseHours: l.urgentResponseHours ?? null,
    urgentResolveHours: l.urgentResolveHours ?? null,
    sort,
    active: true,
  });
  const path = childPath(parent?.path, id);
  await m.update(Category, id, { path });
  const placed = { id, path, fullName };
  for (const [i, child] of (seed.children ?? []).entries()) await insertCategory(m, child, placed, i + 1, departments);
}

function departmentId(departments: Map<string, number>, name: string): number {
  const id = departments.get(name);
  if (id === undefined) throw new Error(`demo category names an unknown department: ${name}`);
  return id;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
