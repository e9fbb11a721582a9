/**
 * A condition test as a condition node shows it: each fact in words with its comparison in bold
 * ("low-confidence bot replies in a row **≥ 2**"), one line per branch of a top-level any / all,
 * and under them what the policy's thresholds make those facts count ("low confidence: below
 * 0.7"). Hovering a fact shows its internal name and description.
 */
import { FACT_CATALOG, isFactName, isFactTest, type ConditionTest, type FactTest, type Thresholds } from '@baton/schemas';
import { describeComparison, factPhrase, factsOf, thresholdNote } from '../graph/node-words';

/** The comparison part: "≥ 2", "include "crisis"", "= yes" for a yes/no fact. */
function comparisonWords(test: FactTest): string {
  const words = describeComparison(test.fact, test.operator, test.value);
  return words === 'yes' || words === 'no' ? `= ${words}` : words;
}

function TestPart({ test, nested }: { test: ConditionTest; nested: boolean }) {
  if (isFactTest(test)) {
    const description = isFactName(test.fact) ? FACT_CATALOG[test.fact].description : undefined;
    return (
      <>
        <span className="bn-fact" title={description ? `${test.fact}: ${description}` : test.fact}>
          {factPhrase(test.fact, test.path)}
        </span>{' '}
        <strong className="bn-compare">{comparisonWords(test)}</strong>
      </>
    );
  }
  if ('not' in test) {
    return (
      <>
        not (<TestPart test={test.not} nested={false} />)
      </>
    );
  }
  const [parts, joiner] = 'all' in test ? [test.all, 'and'] : [test.any, 'or'];
  const inner = parts.map((part, i) => (
    <span key={i}>
      {i > 0 ? ` ${joiner} ` : null}
      <TestPart test={part} nested />
    </span>
  ));
  return nested ? <>({inner})</> : <>{inner}</>;
}

export function TestWords({ test, thresholds }: { test: ConditionTest; thresholds?: Thresholds | null }) {
  const lines: ConditionTest[] = isFactTest(test) || 'not' in test ? [test] : 'all' in test ? test.all : test.any;
  const joiner = !isFactTest(test) && 'any' in test ? 'or' : 'and';
  const notes = factsOf(test).flatMap((fact) => thresholdNote(fact, thresholds) ?? []);
  return (
    <div className="bn-test-words">
      {lines.map((line, i) => (
        <div key={i} className="bn-test-line">
          {i > 0 ? <span className="bn-joiner">{joiner} </span> : null}
          <TestPart test={line} nested={false} />
        </div>
      ))}
      {notes.length > 0 ? <div className="bn-threshold-note">{[...new Set(notes)].join(' · ')}</div> : null}
    </div>
  );
}
