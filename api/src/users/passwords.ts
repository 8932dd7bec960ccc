import argon2 from 'argon2';

/**
 * argon2id at OWASP's minimum (19 MiB, two passes, one lane) rather than the library's default 64 MiB: a hash
 * holds its memory while it runs, and ten concurrent sign-ins at 64 MiB took the process past 670 MB. Together
 * with the gate on concurrent hashes (password-hasher.ts) this bounds the memory that sign-ins can take.
 * Hashes made with other parameters still verify (argon2 writes its parameters into the hash) and are made
 * again with these at the owner's next successful sign-in.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => argon2.hash(plain, ARGON2_OPTIONS);

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** A hash made with other parameters (or another argon2 variant) than ARGON2_OPTIONS. */
export function needsRehash(hash: string): boolean {
  try {
    return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, ARGON2_OPTIONS);
  } catch {
    return true;
  }
}

/**
 * What a sign-in for a username that does not exist (or an account that is disabled) verifies against, so that it
 * costs the same argon2 work as a wrong password: the time of the answer does not tell which usernames exist.
 * A hash with ARGON2_OPTIONS of a throwaway text; what it verifies is never looked at, only the work counts.
 */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$TNLM+YUBpqun/YgSFnkYRQ$ATBxsew7V57eQWfMGR1a+32qba1IWWSo/hy+drpdM2o';

/** The demo seed's password: refused in production even if such an account exists. */
export const DEMO_PASSWORD = 'demo1234';
