/**
 * What the asset store (services/assets) accepts for courseware: the console checks a file against these before
 * sending it, and the store checks again by the file's bytes.
 */
export const ASSET_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export function isAssetType(value: string): value is AssetType {
  return (ASSET_TYPES as readonly string[]).includes(value);
}

export const MAX_ASSET_BYTES = 50 * 1024 * 1024;

/** Pages in one course at most (Course.pages in messages.ts). */
export const MAX_COURSE_PAGES = 500;
