import { filterAgents, type FilteredAgent } from './agent-filter';

const agents: FilteredAgent[] = [
  {
    id: 'ana.silva',
    name: 'Ana Silva',
    skills: [{ skill: 'billing' }, { skill: 'refunds' }],
    languages: ['pt', 'es'],
    queueIds: ['billing_pt'],
    status: 'ONLINE',
  },
  { id: 'li.wei', name: 'Li Wei', skills: [{ skill: 'technical' }], languages: ['en', 'zh'], queueIds: ['tech_en', 'vip'], status: 'AWAY' },
  { id: 'omar.haddad', name: 'Omar Haddad', skills: [{ skill: 'billing' }], languages: ['ar', 'en'], queueIds: [], status: 'OFFLINE' },
];
const names: Record<string, string> = { billing_pt: 'Portuguese billing', tech_en: 'Technical (English)', vip: 'VIP desk' };
const queueName = (id: string) => names[id] ?? id;
const ids = (query: string) => filterAgents(agents, query, queueName).map((a) => a.id);

describe('the directory agent filter', () => {
  it('keeps every agent, in order, for an empty or blank query', () => {
    expect(ids('')).toEqual(['ana.silva', 'li.wei', 'omar.haddad']);
    expect(ids('  , ')).toEqual(['ana.silva', 'li.wei', 'omar.haddad']);
  });

  it('matches a name, a skill, a language or a queue by its name or id, ignoring case', () => {
    expect(ids('omar')).toEqual(['omar.haddad']);
    expect(ids('BILLING')).toEqual(['ana.silva', 'omar.haddad']);
    expect(ids('zh')).toEqual(['li.wei']);
    expect(ids('VIP desk')).toEqual(['li.wei']);
    expect(ids('tech_en')).toEqual(['li.wei']);
    expect(ids('portuguese')).toEqual(['ana.silva']);
  });

  it('needs every word to match (billing and English: only Omar), by word prefix', () => {
    expect(ids('billing en')).toEqual(['omar.haddad']);
    expect(ids('bill')).toEqual(['ana.silva', 'omar.haddad']);
    // "ill" starts no word: no match inside a word.
    expect(ids('ill')).toEqual([]);
  });

  it('filters by presence', () => {
    expect(ids('online')).toEqual(['ana.silva']);
    expect(ids('away technical')).toEqual(['li.wei']);
  });
});
