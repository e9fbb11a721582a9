/**
 * Problems name nodes by their titles. The validator's messages quote the node's id
 * (`handoff node "handoff_1" needs a reason code.`); shown in the editor, where the node has a
 * title the quoted id reads as the quoted title, and the id stays in a tooltip.
 */
import type { ApiDiagnostic } from '../api/api-error';

/**
 * The message of `diagnostic` with its node's quoted id replaced by the node's quoted title;
 * unchanged when it points at no node, the node has no title other than its id, or the message
 * does not quote the id.
 * @param nodeName - a node id's title, the id itself when the node has none
 */
export function problemMessage(diagnostic: Pick<ApiDiagnostic, 'message' | 'nodeId'>, nodeName: (id: string) => string): string {
  const id = diagnostic.nodeId;
  if (!id) return diagnostic.message;
  const title = nodeName(id).trim();
  if (title === '' || title === id) return diagnostic.message;
  return diagnostic.message.split(`"${id}"`).join(`"${title}"`);
}
