import type { DataSource } from 'typeorm';

/** Placeholder until the demo seed lands: seeds nothing. */
export async function seedDemo(_ds: DataSource, _opts: { timeZone: string; now?: Date; cases?: number; days?: number }): Promise<void> {}
