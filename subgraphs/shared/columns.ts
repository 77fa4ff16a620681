import type { EntityProperty, EntitySchema } from '@mikro-orm/postgresql';

/**
 * Bounds of the columns an input is written to, read from the entity definitions, so that
 * validation and column types cannot drift apart: a value the checks accept always fits its
 * column, and one that does not fit is BAD_USER_INPUT on its argument, never a database error.
 */

/** A varchar(n) or char(n) column: at most `max` characters. */
export interface TextColumn {
  max: number;
}

/** A numeric(precision, scale) column. */
export interface DecimalColumn {
  precision: number;
  scale: number;
}

function property(schema: EntitySchema<any, any>, name: string): EntityProperty {
  const found = (schema.meta.properties as Record<string, EntityProperty | undefined>)[name];
  if (!found) throw new Error(`${schema.meta.className} has no property ${name}`);
  return found;
}

/** The length bound of a text column; an unbounded `text` column must be bounded by the caller. */
export function textColumn(schema: EntitySchema<any, any>, name: string): TextColumn {
  const prop = property(schema, name);
  const columnType = (prop as { columnType?: string }).columnType ?? prop.columnTypes?.[0] ?? '';
  const declared = /^(?:var)?char(?:acter)?(?: varying)?\((\d+)\)$/i.exec(columnType);
  const max = prop.length ?? (declared ? Number(declared[1]) : undefined);
  if (!max) {
    throw new Error(
      `${schema.meta.className}.${name} has no length (an unbounded text column): give it one, or validate it with an explicit maximum`,
    );
  }
  return { max };
}

/** Precision and scale of a decimal column. */
export function decimalColumn(schema: EntitySchema<any, any>, name: string): DecimalColumn {
  const prop = property(schema, name);
  if (prop.precision === undefined || prop.scale === undefined) {
    throw new Error(`${schema.meta.className}.${name} is not a decimal column with a precision and a scale`);
  }
  return { precision: prop.precision, scale: prop.scale };
}
