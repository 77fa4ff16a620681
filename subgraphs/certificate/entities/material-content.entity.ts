import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { MaterialSchema } from './material.entity';

/**
 * The bytes of a material, in chunks of up to 256 KiB in order. Chunks are written while the upload
 * streams in, before the material row exists (its id is chosen first), so the foreign key is
 * checked at commit: nothing of an upload is visible until its last byte and its record commit together.
 */
export const MaterialContentSchema = defineEntity({
  name: 'MaterialContent',
  tableName: 'material_content',
  properties: {
    material: () => p.manyToOne(MaterialSchema).mapToPk().primary().deleteRule('cascade').deferMode('deferred'),
    seq: p.integer().primary(),
    bytes: p.blob(),
  },
});

export type MaterialContent = InferEntity<typeof MaterialContentSchema>;
