/** `AuditLogStore` over MongoDB: reads of `audit_log`, always in sequence order. */
import type { MongoContext } from '../../store/mongo/mongo-context';
import type { AuditFilter, AuditLogStore } from './audit-log-store';
import { auditModels, fromAuditEventDocument } from './mongo-audit-models';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An exact action, or every action under a prefix ending in `.` (anchored, so the index serves it). */
const actionMatch = (action: string): string | RegExp => (action.endsWith('.') ? new RegExp(`^${escapeRegExp(action)}`) : action);

/** Creates the MongoDB audit log reader. */
export function createMongoAuditLogStore(ctx: MongoContext): AuditLogStore {
  const { AuditEvent } = auditModels(ctx.connection);
  return {
    listEvents: async (filter: AuditFilter, first, after) => {
      // limit(0) would mean "no limit" to MongoDB; SQLite's LIMIT 0 returns nothing.
      if (first <= 0) return [];
      const at = { ...(filter.from === undefined ? {} : { $gte: filter.from }), ...(filter.to === undefined ? {} : { $lte: filter.to }) };
      const docs = await AuditEvent.find({
        sequence: { $gt: after ?? 0 },
        ...(filter.actorKeyId === undefined ? {} : { 'actor.keyId': filter.actorKeyId }),
        ...(filter.action === undefined ? {} : { action: actionMatch(filter.action) }),
        ...(filter.targetType === undefined ? {} : { targetType: filter.targetType }),
        ...(filter.targetId === undefined ? {} : { targetId: filter.targetId }),
        ...(Object.keys(at).length === 0 ? {} : { at }),
      })
        .sort({ sequence: 1 })
        .limit(first)
        .lean();
      return docs.map(fromAuditEventDocument);
    },
    scanEvents: async (after, limit) => {
      if (limit <= 0) return [];
      return (
        await AuditEvent.find({ sequence: { $gt: after } })
          .sort({ sequence: 1 })
          .limit(limit)
          .lean()
      ).map(fromAuditEventDocument);
    },
  };
}
