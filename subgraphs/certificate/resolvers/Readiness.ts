import type { ReadinessItemResolvers, ReadinessResolvers } from '../generated/graphql';

const count = (status: string) => (readiness: { items: { status: string }[] }) =>
  readiness.items.filter((item) => item.status === status).length;

export const Readiness: ReadinessResolvers = {
  complete: (readiness) => readiness.items.every((item) => item.status === 'SATISFIED'),
  satisfied: count('SATISFIED'),
  expired: count('EXPIRED'),
  missing: count('MISSING'),
  unknown: count('UNKNOWN'),
};

export const ReadinessItem: ReadinessItemResolvers = {
  person: (item) => (item.personId ? { id: item.personId } : null),
};
