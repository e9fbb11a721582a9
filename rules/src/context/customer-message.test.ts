import type { Agent, HandoffNode, PolicyGraph, Queue } from '@baton/schemas';
import { compilePolicy } from '../compiler/compile-graph';
import { decide } from '../decide/decide';
import { preparePolicy } from '../decide/prepare-policy';
import { prepareDirectory } from '../routing/prepare-directory';
import { spanishBilling } from './fixtures/conversations.fixture';
import { renderCustomerMessage } from './customer-message';
import { readReferencePolicyFile, readSeedFile, referenceTriggerSettings } from '../testing/reference-files';

const leaf = (message?: Record<string, string>): HandoffNode => ({
  id: 'h',
  kind: 'handoff',
  data: { reasonCode: 'billing_dispute', category: 'CONTENT', queue: 'billing', priority: 'HIGH', ...(message ? { message } : {}) },
});

describe('renderCustomerMessage', () => {
  it("uses the leaf's template in the conversation's language, with the queue and the customer's name", () => {
    expect(renderCustomerMessage(leaf({ en: 'Hi {customerName}, {queueName} is here.', es: 'Hola {customerName}, aquí {queueName}.' }), 'es', 'Ana')).toEqual({
      text: 'Hola Ana, aquí Billing.',
      language: 'es',
    });
  });

  it("prefers Baton's sentence in the customer's language to the leaf's English words", () => {
    const message = renderCustomerMessage(leaf({ en: 'A billing specialist joins now.' }), 'de', null, 'Abrechnung');
    expect(message).toEqual({ text: expect.stringContaining('Team Abrechnung'), language: 'de' });
    expect(message?.text).not.toContain('specialist');
  });

  it('falls back to the English template, then the English sentence, for a language Baton has no sentence in', () => {
    expect(renderCustomerMessage(leaf({ en: 'A billing specialist joins now.' }), 'nl', null)).toEqual({
      text: 'A billing specialist joins now.',
      language: 'en',
    });
    expect(renderCustomerMessage(leaf(), 'nl', null)?.language).toBe('en');
    expect(renderCustomerMessage(leaf({ en: 'x', nl: '   ' }), 'nl', null)?.text).toBe('x');
  });

  it('has a sentence for handoffs and callbacks in each of the five languages, all different', () => {
    for (const kind of ['handoff', 'callback'] as const) {
      const node = { ...leaf(), kind } as unknown as HandoffNode;
      const texts = ['en', 'es', 'pt', 'de', 'fr'].map((language) => renderCustomerMessage(node, language, null, 'Billing')?.text);
      expect(new Set(texts).size).toBe(5);
      for (const text of texts) expect(text).toContain('Billing');
    }
  });
});

describe('one customer message, one language', () => {
  const graph = readReferencePolicyFile('graph.json') as PolicyGraph;
  const settings = referenceTriggerSettings();
  const seedDirectory = readSeedFile('directory/directory.json') as { queues: Queue[]; agents: Agent[] };
  const agents = seedDirectory.agents.map((a) => ({ ...a, activeConversations: {}, lastAssignedAt: null }) as Agent);
  const directory = prepareDirectory({ queues: seedDirectory.queues, agents, waitingByQueue: {} });

  it('a Spanish customer reaching a leaf with only English words gets Spanish throughout, wait sentence included', async () => {
    const englishOnly = structuredClone(graph);
    const billing = englishOnly.nodes.find((n) => n.id === 'h_billing_dispute') as HandoffNode;
    billing.data.message = { en: 'A billing specialist is joining this chat now.' };
    const prepared = preparePolicy({ graph: englishOnly, settings }, compilePolicy({ graph: englishOnly, settings }));
    const policy = { id: 'p', name: 'p', version: 1, contentHash: 'h' };
    const decision = await decide(prepared, spanishBilling, { now: new Date('2026-03-02T10:30:00Z'), decisionId: 'd', policy, directory });
    expect(decision.reasonCode).toBe('billing_dispute');
    expect(decision.customerMessage).toMatch(/^Le paso ahora con nuestro equipo de .+\. (Alguien le atenderá|El tiempo de espera)/);
    expect(decision.customerMessage).not.toMatch(/specialist|minute|wait/i);
  });
});
