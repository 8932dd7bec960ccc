import argon2 from 'argon2';

/** argon2id with the library's defaults (memory-hard; about 50 ms a hash here). */
export const hashPassword = (plain: string) => argon2.hash(plain, { type: argon2.argon2id });

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** The demo seed's password: refused in production even if such an account exists. */
export const DEMO_PASSWORD = 'demo1234';
