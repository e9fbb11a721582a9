import { Counter, Registry } from 'prom-client';
import { LabelledCounts } from './labelled-counts';

describe('LabelledCounts', () => {
  it('counts per combination of label values, numbers exposed as strings', () => {
    const counts = new LabelledCounts(['action', 'version']);
    counts.inc('HANDOFF', 1);
    counts.inc('HANDOFF', 1);
    counts.inc('HANDOFF', 2);
    counts.inc('STAY', 1);
    expect([...counts.entries()]).toEqual([
      { labels: { action: 'HANDOFF', version: '1' }, value: 2 },
      { labels: { action: 'HANDOFF', version: '2' }, value: 1 },
      { labels: { action: 'STAY', version: '1' }, value: 1 },
    ]);
  });

  it('replaces a counter’s values when published, so publishing twice does not double them', async () => {
    const registry = new Registry();
    const counts = new LabelledCounts(['reason']);
    const counter = new Counter({ name: 'test_total', help: 'test', labelNames: counts.labelNames, registers: [registry] });
    counts.inc('a');
    counts.inc('a');
    counts.publishTo(counter);
    counts.inc('b');
    counts.publishTo(counter);
    const text = await registry.metrics();
    expect(text).toContain('test_total{reason="a"} 2\n');
    expect(text).toContain('test_total{reason="b"} 1\n');
  });
});
