/**
 * What a generated case is about and who is involved: channel, category, place, reporter, type,
 * priority, texts, the path it will take and the people who will act on it.
 */
import type { CaseType, Priority } from '../cases/case.constants.js';
import { CHANNEL_PREFIX, pickDetails, pickResult, TITLES } from './case-texts.js';
import type { CaseFields } from './case-sim.js';
import type { SeedClock } from './clock.js';
import { enterpriseContact, mobile, personName } from './demo-people.js';
import type { LifePlan, Path } from './lifecycle.js';
import { type Random, WeightedTable } from './random.js';
import type { CategoryInfo, Reference, UnitInfo } from './reference.js';

/** The channel mix of a typical community: 12345 calls first, then online messages. */
const GROUP_WEIGHTS: Record<string, number> = { hotline: 45, online: 25, community: 20, linkage: 7, enterprise: 3 };
const CHANNEL_WEIGHTS: Record<string, number> = { wechat: 14, gov_website: 4, mashang: 3, province_12345: 3, people_daily: 1, window: 8, patrol: 8, building_lead: 4, police_110: 3.5, fire_brigade: 2, other_department: 1.5 };
/** Property management and municipal facilities come first, as in every community's ledger. */
const TOP_WEIGHTS: Record<string, number> = { housing: 26, municipal: 16, sanitation: 10, heating: 8, utilities: 6, neighbour: 8, consumer: 5, labour: 4, safety: 6, assistance: 4, policy: 7 };
const LEAF_WEIGHTS: Record<string, number> = { compound_env: 6, elevator_fault: 5, property_service: 5, parking: 4, leak_repair: 4, property_fee: 3, sewer: 5, road_damage: 4, street_light: 4, heating_low: 6, garbage: 4, noise: 4, water_outage: 4, bus_service: 1, public_toilet: 1, heating_fee: 1 };
/** Channels that mostly bring one kind of request: the fire brigade brings safety hazards, and so on. */
const AFFINITY: Record<string, string[]> = { fire_brigade: ['safety'], police_110: ['neighbour', 'safety'], enterprise: ['policy', 'labour', 'municipal', 'utilities'], patrol: ['municipal', 'sanitation', 'safety', 'housing'] };
const TYPE_WEIGHTS: Record<string, Partial<Record<CaseType, number>>> = {
  policy: { consult: 85, help: 15 },
  assistance: { help: 65, consult: 35 },
  safety: { report: 75, complaint: 20, suggestion: 5 },
  consumer: { complaint: 65, report: 25, consult: 10 },
  labour: { help: 45, complaint: 45, consult: 10 },
  default: { complaint: 52, help: 30, consult: 7, suggestion: 8, report: 2, praise: 1 },
};
/** Risk to life or property, or an outage: urgent (about 8% overall). */
const URGENT: Record<string, number> = { gas_hazard: 0.6, power_outage: 0.3, water_outage: 0.3, heating_leak: 0.35, manhole_cover: 0.3, elevator_fault: 0.15, safety: 0.35, heating: 0.1, utilities: 0.12 };
const UNIT_WEIGHTS: Record<string, number> = { compound: 3, building: 2, grid: 1.5 };

export interface Overrides {
  category?: CategoryInfo;
  unit?: UnitInfo;
  title?: string;
  path?: Path;
}

export class CaseFactory {
  private readonly channels: WeightedTable<Reference['channels'][number]>;
  private readonly units: WeightedTable<UnitInfo>;
  private readonly leafTables = new Map<string, WeightedTable<CategoryInfo>>();
  private readonly residentsByUnit = new Map<number, Reference['residents'][number][]>();
  private readonly intakeCache = new Map<string, number[]>();
  private readonly admin: number | null;
  /** The units the categories of each topic name: where a returned case plausibly goes next. */
  private readonly unitsByTopic = new Map<string, number[]>();

  constructor(
    private readonly ref: Reference,
    private readonly rng: Random,
    private readonly clock: SeedClock,
  ) {
    const groupTotals: Record<string, number> = {};
    for (const c of ref.channels) groupTotals[c.group] = (groupTotals[c.group] ?? 0) + (CHANNEL_WEIGHTS[c.code] ?? 1);
    this.channels = new WeightedTable(ref.channels, ref.channels.map((c) => ((GROUP_WEIGHTS[c.group] ?? 1) * (CHANNEL_WEIGHTS[c.code] ?? 1)) / groupTotals[c.group]));
    this.units = new WeightedTable(ref.units, ref.units.map((u) => UNIT_WEIGHTS[u.level] ?? 1));
    for (const r of ref.residents) {
      const list = this.residentsByUnit.get(r.gridUnitId);
      if (list) list.push(r);
      else this.residentsByUnit.set(r.gridUnitId, [r]);
    }
    for (const c of ref.categories) {
      const ids = this.unitsByTopic.get(c.topCode) ?? [];
      if (c.departmentId !== null && !ids.includes(c.departmentId)) this.unitsByTopic.set(c.topCode, [...ids, c.departmentId]);
    }
    this.admin = ref.users.find((u) => u.role === 'admin')?.id ?? ref.users[0]?.id ?? null;
  }

  /** Leaf categories weighted by topic; heating only matters in the heating season; some channels bring their own topics. */
  private leaves(inSeason: boolean, tops: string[] | null): WeightedTable<CategoryInfo> {
    const key = `${inSeason}|${tops?.join(',') ?? ''}`;
    let table = this.leafTables.get(key);
    if (!table) {
      let leaves = this.ref.categories.filter((c) => c.isLeaf && (!tops || tops.includes(c.topCode)));
      if (leaves.length === 0) leaves = this.ref.categories.filter((c) => c.isLeaf);
      const leafTotal: Record<string, number> = {};
      for (const c of leaves) leafTotal[c.topCode] = (leafTotal[c.topCode] ?? 0) + (LEAF_WEIGHTS[c.code] ?? 2);
      const top = (code: string) => (TOP_WEIGHTS[code] ?? 3) * (code === 'heating' && !inSeason ? 0.08 : 1);
      table = new WeightedTable(leaves, leaves.map((c) => (top(c.topCode) * (LEAF_WEIGHTS[c.code] ?? 2)) / leafTotal[c.topCode]));
      this.leafTables.set(key, table);
    }
    return table;
  }

  /** A new case received at `t`, and the plan of its life. */
  build(t: number, o: Overrides = {}): { fields: CaseFields; plan: LifePlan; createData: Record<string, unknown> } {
    const { rng } = this;
    const channel = this.channels.pick(rng);
    const month = Number(this.clock.localDate(t).slice(5, 7));
    const affinity = AFFINITY[channel.code] && rng.chance(0.75) ? AFFINITY[channel.code] : null;
    const category = o.category ?? this.leaves(month >= 10 || month <= 4, affinity).pick(rng);

    // Who: a registered resident (their home is the place), someone else, or nobody (anonymous).
    let unit = o.unit ?? this.units.pick(rng);
    const local = o.unit ? this.residentsByUnit.get(o.unit.id) : this.ref.residents;
    const resident = channel.group !== 'enterprise' && local?.length && rng.chance(0.4) ? rng.pick(local) : null;
    if (resident) unit = this.ref.unitById.get(resident.gridUnitId) ?? unit;
    const anonymous = !resident && rng.chance(channel.group === 'online' ? 0.08 : channel.group === 'hotline' ? 0.02 : 0);
    const reporterName = resident?.name ?? (anonymous ? null : channel.group === 'enterprise' ? enterpriseContact(rng) : personName(rng));
    const reporterPhone = resident ? resident.phone : anonymous ? null : mobile(rng);
    const address = resident?.address ?? (anonymous ? null : this.address(unit));

    const type = rng.weightedKey((TYPE_WEIGHTS[category.topCode] ?? TYPE_WEIGHTS.default) as Record<CaseType, number>);
    const priority: Priority = rng.chance(URGENT[category.code] ?? URGENT[category.topCode] ?? 0.025) ? 'urgent' : 'normal';
    const limits = category.limits[priority];
    const responseDueAt = this.clock.due(t, limits.response);
    const resolveDueAt = this.clock.due(t, limits.resolve);
    const templates = TITLES[category.code];
    const title = o.title ?? (templates ? rng.pick(templates).replace('{p}', unit.place) : `${unit.place}${category.name}问题`);
    const tags = resident?.tags ?? [];
    const intakeId = this.intake(unit, channel.group === 'community');
    // A point on the map for most cases, near their unit's.
    const located = unit.lat !== null && unit.lng !== null && rng.chance(0.6);

    const fields: CaseFields = {
      title,
      description: `${CHANNEL_PREFIX[channel.group] ?? ''}${title}。${rng.pick(pickDetails(category.code))}${address ? `地址：${address}。` : ''}`,
      type,
      channelId: channel.id,
      categoryId: category.id,
      gridUnitId: unit.id,
      unitPath: unit.path,
      communityId: unit.communityId,
      gridId: unit.gridId,
      priority,
      residentId: resident?.id ?? null,
      reporterName,
      reporterPhone,
      address,
      lat: located ? round6(unit.lat! + (rng.next() - 0.5) * 0.001) : null,
      lng: located ? round6(unit.lng! + (rng.next() - 0.5) * 0.001) : null,
      residentTags: tags,
      keyPopulation: tags.length > 0,
      receivedAt: t,
      status: 'received',
      departmentId: null,
      assigneeId: null,
      handledDirectly: false,
      signDueAt: null,
      responseDueAt,
      resolveDueAt,
      dispatchedAt: null,
      acceptedAt: null,
      respondedAt: null,
      repliedAt: null,
      closedAt: null,
      result: null,
      resolved: null,
      satisfaction: null,
      superviseLevel: null,
      parentCaseId: null,
      reopenCount: 0,
      returnCount: 0,
      extensionDaysPending: null,
      signOverdue: false,
      responseOverdue: false,
      resolveOverdue: false,
      overdue: false,
      closeHours: null,
      closeWorkdays: null,
      isRepeat: false,
      followUps: 0,
      followUpsResolved: 0,
      followUpsSatisfied: 0,
      createdById: intakeId,
      version: 1,
      updatedAt: t,
      flightSince: null,
      flightMinutes: 0,
    };
    const departmentId = this.department(category);
    const path = o.path === 'dispatch' && departmentId === null ? 'community' : o.path ?? this.path(type, category, priority, channel.group, departmentId !== null);
    const createData = { number: '', channelId: channel.id, categoryId: category.id, priority, responseDueAt: new Date(responseDueAt).toISOString(), resolveDueAt: new Date(resolveDueAt).toISOString() };
    return { fields, plan: { path, limits, departmentId, alternatives: this.unitsByTopic.get(category.topCode) ?? [], intakeId, results: pickResult(category.topCode) }, createData };
  }

  private path(type: CaseType, category: CategoryInfo, priority: Priority, group: string, canDispatch: boolean): Path {
    const { rng } = this;
    if (type === 'praise') return 'direct';
    if (rng.chance(0.015)) return 'reject';
    const direct = type === 'consult' ? 0.7 : category.topCode === 'safety' || priority === 'urgent' ? 0.03 : 0.28;
    if (rng.chance(direct)) return 'direct';
    if (!canDispatch || rng.chance(group === 'community' ? 0.25 : 0.08)) return 'community';
    return 'dispatch';
  }

  /** The category's unit, sometimes another of the same kind (the compound's other property company). */
  private department(category: CategoryInfo): number | null {
    const { rng, ref } = this;
    if (ref.departments.length === 0) return null;
    const def = ref.departments.find((d) => d.id === category.departmentId);
    if (!def) return rng.pick(ref.departments).id;
    const peers = ref.departments.filter((d) => d.kind === def.kind && d.id !== def.id && def.kind === 'property');
    return peers.length && rng.chance(0.3) ? rng.pick(peers).id : def.id;
  }

  private address(unit: UnitInfo): string {
    const { rng } = this;
    if (unit.compound && unit.building) return `${unit.compound}${unit.building}${rng.int(1, 4)}单元`;
    if (unit.compound) return `${unit.compound}${rng.int(1, 12)}号楼`;
    return `${unit.street}${rng.int(1, 300)}号`;
  }

  /** Who logs it: a grid worker for community channels, else a dispatcher, whose scope covers the place. */
  intake(unit: UnitInfo, community: boolean): number | null {
    const key = `${unit.id}|${community}`;
    let ids = this.intakeCache.get(key);
    if (!ids) {
      const covering = (role: string) => this.ref.users.filter((u) => u.role === role && (!u.scopePath || unit.path.startsWith(u.scopePath))).map((u) => u.id);
      const roles = community ? ['grid_worker', 'dispatcher'] : ['dispatcher', 'grid_worker'];
      ids = covering(roles[0]);
      if (ids.length === 0) ids = covering(roles[1]);
      if (ids.length === 0) ids = this.admin !== null ? [this.admin] : [];
      this.intakeCache.set(key, ids);
    }
    return ids.length ? this.rng.pick(ids) : null;
  }

  supervisor(unitPath: string): number | null {
    const s = this.ref.users.filter((u) => u.role === 'supervisor' && (!u.scopePath || unitPath.startsWith(u.scopePath)));
    return s.length ? this.rng.pick(s).id : this.admin;
  }

  handlerOf(departmentId: number): number | null {
    const h = this.ref.users.filter((u) => u.role === 'handler' && u.departmentId === departmentId);
    return h.length ? this.rng.pick(h).id : this.admin;
  }

  otherDepartment(departmentId: number): number {
    const others = this.ref.departments.filter((d) => d.id !== departmentId);
    return others.length ? this.rng.pick(others).id : departmentId;
  }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
