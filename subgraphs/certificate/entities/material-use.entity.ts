import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';
import { MaterialSchema } from './material.entity';
import { ServiceSchema } from './service.entity';

/** An application that used a material: the service and the application reference. */
export const MaterialUseSchema = defineEntity({
  name: 'MaterialUse',
  tableName: 'material_use',
  uniques: [{ name: 'material_use_unique', properties: ['material', 'service', 'reference'] }],
  properties: {
    ...baseProperties(),
    material: () => p.manyToOne(MaterialSchema).mapToPk().index('material_use_material_idx'),
    service: () => p.manyToOne(ServiceSchema).mapToPk(),
    reference: p.string().length(200),
    usedBySub: p.string().length(100),
    usedByRole: p.string().length(20),
    usedByDept: p.string().length(40).nullable(),
  },
});

export type MaterialUse = InferEntity<typeof MaterialUseSchema>;
