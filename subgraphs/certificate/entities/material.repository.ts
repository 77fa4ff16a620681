import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery, selectEntities } from '../../shared/sql';
import { MaterialUseSchema, type MaterialUse } from './material-use.entity';
import { MaterialSchema, type Material } from './material.entity';

/** Named queries of the materials. Each batch method is one statement. */
export class MaterialRepository {
  constructor(private readonly em: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<Material[]> {
    return selectEntities(this.em, MaterialSchema, 'select * from material where id = any(?::uuid[])', [ids]);
  }

  /** Every material of the given persons, newest first (readiness looks at all of them). */
  ownedBy(personIds: readonly string[]): Promise<Material[]> {
    return selectEntities(
      this.em,
      MaterialSchema,
      'select * from material where owner_id = any(?::uuid[]) order by created_at desc, id desc',
      [personIds],
    );
  }

  /** One page of a person's materials, newest first, after a (createdAt, id) position. */
  pageOf(ownerId: string, limit: number, after: { createdAt: string; id: string } | null): Promise<Material[]> {
    return after
      ? selectEntities(
          this.em,
          MaterialSchema,
          `select * from material where owner_id = ? and (created_at, id) < (?::timestamptz, ?::uuid)
             order by created_at desc, id desc limit ?`,
          [ownerId, after.createdAt, after.id, limit],
        )
      : selectEntities(
          this.em,
          MaterialSchema,
          'select * from material where owner_id = ? order by created_at desc, id desc limit ?',
          [ownerId, limit],
        );
  }

  async countOwnedBy(ownerId: string): Promise<number> {
    const [row] = await rawQuery<{ n: string }>(this.em, 'select count(*) as n from material where owner_id = ?', [
      ownerId,
    ]);
    return Number(row.n);
  }

  /** Uses of the given materials, newest first. */
  usesOf(materialIds: readonly string[]): Promise<MaterialUse[]> {
    return selectEntities(
      this.em,
      MaterialUseSchema,
      'select * from material_use where material_id = any(?::uuid[]) order by created_at desc, id desc',
      [materialIds],
    );
  }

  findUse(materialId: string, serviceId: string, reference: string): Promise<MaterialUse[]> {
    return selectEntities(
      this.em,
      MaterialUseSchema,
      'select * from material_use where material_id = ? and service_id = ? and reference = ?',
      [materialId, serviceId, reference],
    );
  }
}
