import type { AccessRecordResolvers } from '../generated/graphql';

export const AccessRecord: AccessRecordResolvers = {
  action: (record) => (record.action === 'write' ? 'WRITE' : 'READ'),
  outcome: (record) => (record.outcome === 'denied' ? 'DENIED' : 'GRANTED'),
  actorDepartment: (record) => record.actorDept,
  personId: (record) => record.subjectId,
};
