import type { AccessRecordResolvers } from '../generated/graphql';

export const AccessRecord: AccessRecordResolvers = {
  action: (record) => (record.action === 'write' ? 'WRITE' : 'READ'),
  outcome: (record) => record.outcome.toUpperCase() as 'GRANTED' | 'DENIED' | 'REJECTED' | 'UNCHANGED',
  actorDepartment: (record) => record.actorDept,
  personId: (record) => record.subjectId,
  grantId: (record) => record.grantId ?? null,
  grant: (record) => (record.grantId ? { id: record.grantId } : null),
};
