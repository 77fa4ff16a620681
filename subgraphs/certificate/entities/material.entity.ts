import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';
import { MaterialKindSchema } from './material-kind.entity';

export const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/**
 * A file a person submitted once. The bytes are MaterialContent rows written in the same
 * transaction; the same bytes from the same owner are one material (unique owner and SHA-256).
 * `createdAt` is when it was uploaded.
 */
export const MaterialSchema = defineEntity({
  name: 'Material',
  tableName: 'material',
  uniques: [{ name: 'material_owner_sha256_unique', properties: ['ownerId', 'sha256'] }],
  indexes: [
    {
      name: 'material_owner_created_idx',
      expression: 'create index "material_owner_created_idx" on "material" ("owner_id", "created_at" desc, "id" desc)',
    },
  ],
  properties: {
    ...baseProperties(),
    /** Person id in the natural-person registry. */
    ownerId: p.uuid(),
    kind: () => p.manyToOne(MaterialKindSchema).mapToPk().index('material_kind_idx'),
    size: p.integer(),
    mediaType: p.enum([...MEDIA_TYPES]),
    /** Hexadecimal. */
    sha256: p.string().columnType('char(64)'),
    fileName: p.string().length(200).nullable(),
    uploadedBySub: p.string().length(100),
    uploadedByRole: p.string().length(20),
    uploadedByDept: p.string().length(40).nullable(),
  },
});

export type Material = InferEntity<typeof MaterialSchema>;
