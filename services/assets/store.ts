import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { Id } from '../../shared/protocol/ids';
import { ASSET_TYPES } from '../../shared/protocol';

export const AssetMeta = z.object({
  asset: Id,
  classId: Id,
  name: z.string().max(200),
  type: z.enum(ASSET_TYPES),
  bytes: z.number().int().nonnegative(),
  createdAt: z.number().int().nonnegative(),
});
export type AssetMeta = z.infer<typeof AssetMeta>;

export interface StoredAsset {
  meta: AssetMeta;
  /** The file's bytes, streamed. */
  open(): Readable;
}

/** Courseware files per class. Ids are ids (`shared/protocol/ids.ts`), so they are safe as file names. */
export interface AssetStore {
  put(meta: AssetMeta, data: Buffer): Promise<void>;
  get(classId: string, asset: string): Promise<StoredAsset | null>;
}

export class StoreFull extends Error {}

/** In memory, bounded in total so uploads cannot exhaust the process. */
export class MemoryAssetStore implements AssetStore {
  private readonly assets = new Map<string, { meta: AssetMeta; data: Buffer }>();
  private total = 0;

  constructor(private readonly maxTotalBytes = 512 * 1024 * 1024) {}

  async put(meta: AssetMeta, data: Buffer): Promise<void> {
    if (this.total + data.length > this.maxTotalBytes) throw new StoreFull(`the asset store holds at most ${this.maxTotalBytes} bytes`);
    this.assets.set(`${meta.classId}/${meta.asset}`, { meta, data });
    this.total += data.length;
  }

  async get(classId: string, asset: string): Promise<StoredAsset | null> {
    const stored = this.assets.get(`${classId}/${asset}`);
    return stored ? { meta: stored.meta, open: () => Readable.from([stored.data]) } : null;
  }
}

/** Under `<dir>/<classId>/<asset>` (the bytes) and `<asset>.json` (what it is); written whole, then renamed. */
export class DiskAssetStore implements AssetStore {
  constructor(private readonly dir: string) {}

  async put(meta: AssetMeta, data: Buffer): Promise<void> {
    const folder = join(this.dir, Id.parse(meta.classId));
    await mkdir(folder, { recursive: true });
    const base = join(folder, Id.parse(meta.asset));
    await writeFile(`${base}.tmp`, data);
    await rename(`${base}.tmp`, base);
    await writeFile(`${base}.json.tmp`, JSON.stringify(meta));
    await rename(`${base}.json.tmp`, `${base}.json`);
  }

  async get(classId: string, asset: string): Promise<StoredAsset | null> {
    if (!Id.safeParse(classId).success || !Id.safeParse(asset).success) return null;
    const base = join(this.dir, classId, asset);
    try {
      const meta = AssetMeta.parse(JSON.parse(await readFile(`${base}.json`, 'utf8')));
      return { meta, open: () => createReadStream(base) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
