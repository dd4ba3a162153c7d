import { chooseProtector } from './choose-protector';
import type { SafeStorageLike } from './safe-storage-protector';
import { Vault } from './vault';

/** Opens the vault in the data folder with the strongest protection available. Never rejects. */
export async function openVault(dataDir: string, safeStorage?: SafeStorageLike) {
  const { protector, notes } = await chooseProtector({ dir: dataDir, safeStorage });
  const vault = await Vault.open({ dir: dataDir, protector });
  return { vault, notes };
}
