// Apart from files.ts so that the modules' table files, which db/schema.ts composes into the DB type,
// need not import files.ts and through it http, context, permissions and db/ back.

/** The columns every module's attachment table shares. */
export interface StoredFileRow {
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedBy: number | null;
  uploadedByName: string | null;
  uploadedAt: string;
}
