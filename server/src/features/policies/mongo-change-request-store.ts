/**
 * `ChangeRequestStore` over MongoDB; the approval that reaches the required count publishes
 * through the policy store in the same transaction. Two approvals racing conflict on the request
 * document, so the driver retries the later one, which then finds the request closed.
 */
import type { ClientSession } from 'mongoose';
import { duplicateKeyAs } from '../../store/mongo/duplicate-key-as';
import type { MongoContext } from '../../store/mongo/mongo-context';
import type { AuditEventInput } from '../audit/audit-event';
import { appendMongoAuditEvent } from '../audit/mongo-audit-append';
import type { ChangeRequestRecord, ChangeRequestStore } from './change-request-store';
import { fromChangeRequestDocument, policyModels, toChangeRequestDocument } from './mongo-policy-models';
import type { MongoPolicyStore } from './mongo-policy-store';
import { policyNotFound } from './policy-errors';
import {
  alreadyApproved,
  changeRequestAlreadyOpen,
  changeRequestDraftMoved,
  changeRequestIdTaken,
  changeRequestNotFound,
  changeRequestNotOpen,
  changeRequestStale,
  selfApproval,
} from './policy-store-errors';

/** Creates the MongoDB change request store; `policies` publishes inside the approving transaction. */
export function createMongoChangeRequestStore(ctx: MongoContext, policies: MongoPolicyStore): ChangeRequestStore {
  const { Policy, ChangeRequest } = policyModels(ctx.connection);
  const audit = (session: ClientSession, input: AuditEventInput) => appendMongoAuditEvent(ctx.connection, session, input);

  const read = async (id: string, session: ClientSession | null = null): Promise<ChangeRequestRecord | null> => {
    const doc = await ChangeRequest.findById(id, null, { session }).lean();
    return doc ? fromChangeRequestDocument(doc) : null;
  };

  const requireOpen = async (id: string, session: ClientSession): Promise<ChangeRequestRecord> => {
    const request = await read(id, session);
    if (!request) throw changeRequestNotFound(id);
    if (request.status !== 'OPEN') throw changeRequestNotOpen(id, request.status);
    return request;
  };

  const draftRevision = async (policyId: string, session: ClientSession): Promise<number> => {
    const policy = await Policy.findById(policyId, { 'draft.revision': 1 }, { session }).lean();
    if (!policy) throw policyNotFound(policyId);
    return policy.draft.revision;
  };

  return {
    openChangeRequest: (request) =>
      ctx
        .transaction(async (session) => {
          const { policyId, at, actor } = request;
          const current = await draftRevision(policyId, session);
          if (current !== request.draftRevision) throw changeRequestDraftMoved(policyId, current);
          const open = await ChangeRequest.findOne({ policyId, status: 'OPEN' }, { _id: 1 }, { session }).lean();
          if (open) throw changeRequestAlreadyOpen(policyId, open._id);
          if (await ChangeRequest.exists({ _id: request.id }).session(session)) throw changeRequestIdTaken(request.id);
          const record: ChangeRequestRecord = {
            id: request.id,
            policyId,
            draftRevision: request.draftRevision,
            contentHash: request.contentHash,
            comment: request.comment,
            makeDefault: request.makeDefault,
            requiredApprovals: request.requiredApprovals,
            status: 'OPEN',
            author: actor.keyId,
            createdAt: at,
            closedAt: null,
            closedBy: null,
            rejectionReason: null,
            publishedVersion: null,
            approvals: [],
          };
          await ChangeRequest.create([toChangeRequestDocument(record)], { session });
          await audit(session, {
            actor,
            action: 'changeRequest.open',
            targetType: 'changeRequest',
            targetId: request.id,
            after: { policyId, draftRevision: request.draftRevision, contentHash: request.contentHash, requiredApprovals: request.requiredApprovals },
            at,
          });
          return record;
        })
        // The unique indexes caught a request opened at the same time: under the same id, or for the same policy.
        .catch(duplicateKeyAs('_id', () => changeRequestIdTaken(request.id)))
        .catch(
          duplicateKeyAs('policyId', async () => {
            const open = await ChangeRequest.findOne({ policyId: request.policyId, status: 'OPEN' }, { _id: 1 }).lean();
            return changeRequestAlreadyOpen(request.policyId, open?._id ?? request.id);
          }),
        ),

    getChangeRequest: (id) => read(id),
    listChangeRequests: async (policyId) => (await ChangeRequest.find({ policyId }).sort({ createdAt: -1, _id: -1 }).lean()).map(fromChangeRequestDocument),

    approveChangeRequest: (approval) =>
      ctx
        .transaction(async (session) => {
          const { id, at, actor, version } = approval;
          const request = await requireOpen(id, session);
          if (actor.keyId !== null && actor.keyId === request.author) throw selfApproval(id);
          if (request.approvals.some((a) => a.approver === actor.keyId)) throw alreadyApproved(id, actor.keyId);
          const current = await draftRevision(request.policyId, session);
          if (current !== request.draftRevision || version.draftRevision !== request.draftRevision || version.contentHash !== request.contentHash) {
            throw changeRequestStale(id, current, request.draftRevision);
          }
          await ChangeRequest.updateOne({ _id: id, status: 'OPEN' }, { $push: { approvals: { approver: actor.keyId ?? 'system', at } } }, { session });
          const approvals = request.approvals.length + 1;
          await audit(session, { actor, action: 'changeRequest.approve', targetType: 'changeRequest', targetId: id, after: { approvals, requiredApprovals: request.requiredApprovals }, at });
          if (approvals < request.requiredApprovals) return { request: (await read(id, session)) as ChangeRequestRecord, version: null };
          const published = await policies.publishInTransaction(session, version);
          await ChangeRequest.updateOne(
            { _id: id },
            { $set: { status: 'PUBLISHED', closedAt: at, closedBy: actor.keyId, rejectionReason: null, publishedVersion: published.version } },
            { session },
          );
          await audit(session, { actor, action: 'changeRequest.publish', targetType: 'changeRequest', targetId: id, before: { status: 'OPEN' }, after: { status: 'PUBLISHED', version: published.version }, at });
          return { request: (await read(id, session)) as ChangeRequestRecord, version: published };
        })
        // A concurrent publish took the version number.
        .catch(duplicateKeyAs('version', () => policies.publishRaced(approval.version))),

    rejectChangeRequest: (id, reason, at, actor) =>
      ctx.transaction(async (session) => {
        await requireOpen(id, session);
        await ChangeRequest.updateOne({ _id: id }, { $set: { status: 'REJECTED', closedAt: at, closedBy: actor.keyId, rejectionReason: reason, publishedVersion: null } }, { session });
        await audit(session, { actor, action: 'changeRequest.reject', targetType: 'changeRequest', targetId: id, before: { status: 'OPEN' }, after: { status: 'REJECTED', reason }, at });
        return (await read(id, session)) as ChangeRequestRecord;
      }),
  };
}
