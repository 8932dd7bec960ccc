import { DUMMY_HASH } from '../users/passwords.js';

export interface Account {
  passwordHash: string;
  active: boolean;
}

export interface CredentialRules {
  /** The demo seed's password, refused in production (undefined: accepted). */
  refusedPassword?: string;
}

/**
 * Whether a sign-in may go ahead. The password is verified in every case, against the account's hash or,
 * for a username that does not exist, against DUMMY_HASH, and only then is a disabled account or a refused
 * password turned down: every refusal costs the same argon2 work and gives the same answer, so neither the
 * time nor the words tell an attacker which usernames exist or which accounts are disabled.
 */
export async function credentialsAccepted(account: Account | null, password: string, verify: (hash: string, plain: string) => Promise<boolean>, rules: CredentialRules = {}): Promise<boolean> {
  const matches = await verify(account?.passwordHash ?? DUMMY_HASH, password);
  return matches && account !== null && account.active && password !== rules.refusedPassword;
}
