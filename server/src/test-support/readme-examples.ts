/**
 * Internal (tests only): the API examples README.md shows, read from its fenced code blocks so
 * that `app/readme-examples.test.ts` can run every one of them against a seeded server.
 *
 * What counts as an example, and what belongs to one:
 * - a ```graphql block: every operation in it, run one by one in the order shown;
 * - a ```sh / ```bash block that calls `curl http://localhost:4000/…`: that request;
 * - a ```json block right after a graphql block whose operations declare variables: their
 *   variables (one object holding every variable the block's operations declare, nothing else);
 * - a ```json block whose lead-in line starts with "Real output" (right after an example, its
 *   variables or another real output): what the server answers, compared with the real answer
 *   ("abridged" in the lead-in allows fields to be left out);
 * - a block of any other language whose lead-in starts with "Real output of `a.b`": the text
 *   of the string field `a.b` of the answer (e.g. `context.markdown`).
 * Any other block that looks like a GraphQL operation, and any "Real output" that follows no
 * example, is reported as a problem, so an example nobody can run never slips in unnoticed.
 */
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/** One fenced code block of a Markdown file. */
export interface FencedBlock {
  /** The info string's first word (`graphql`, `json`, `sh`…), '' when none. */
  lang: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The last line of prose before the fence ('' when another block or a heading precedes it). */
  leadIn: string;
}

/** An answer, or one text field of it, that the README shows for an example. */
export type ShownOutput =
  | {
      kind: 'json';
      line: number;
      json: unknown;
      /** The lead-in says "abridged": fields of objects may be left out. */
      abridged: boolean;
    }
  | { kind: 'text'; line: number; /** `context.markdown` → ['context', 'markdown']. */ path: string[]; text: string };

export interface GraphQLOperationExample {
  /** `query Validate(…)` → 'Validate'; the root field for anonymous operations. */
  label: string;
  /** The operation exactly as the README prints it. */
  source: string;
  variableNames: string[];
}

export interface GraphQLExample {
  kind: 'graphql';
  line: number;
  operations: GraphQLOperationExample[];
  variables: Record<string, unknown> | null;
  shown: ShownOutput[];
}

export interface HttpExample {
  kind: 'http';
  line: number;
  method: 'GET' | 'POST';
  /** Under http://localhost:4000, e.g. '/graphql'. */
  path: string;
  /** Lower-case names; values as written, shell variables (`$KEY`) included. */
  headers: Record<string, string>;
  body: string | null;
  shown: ShownOutput[];
}

export type ReadmeExample = GraphQLExample | HttpExample;

export interface ReadmeExamples {
  examples: ReadmeExample[];
  /** Blocks that look like examples but cannot be run as shown, one sentence each. */
  problems: string[];
}

const FENCE = /^```\s*([\w-]*)/;
const REAL_OUTPUT = /^Real output/;
const REAL_OUTPUT_OF_FIELD = /^Real output of `([\w.]+)`/;
const LOOKS_LIKE_GRAPHQL = /(^|[\s"'`])(query|mutation|subscription)(\s+\w+)?\s*(\(\s*\$|\{)|\/graphql\b/m;

/** The fenced code blocks of a Markdown document, in order. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  let leadIn = '';
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const open = FENCE.exec(line);
    if (!open) {
      if (line.trim() !== '') leadIn = line.startsWith('#') ? '' : line.trim();
      continue;
    }
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !(lines[i] as string).startsWith('```'); i += 1) body.push(lines[i] as string);
    blocks.push({ lang: (open[1] ?? '').toLowerCase(), text: body.join('\n'), line: start + 1, leadIn });
    leadIn = '';
  }
  return blocks;
}

/** Reads every example of `markdown` (see the header for the conventions). */
export function readmeExamples(markdown: string): ReadmeExamples {
  const examples: ReadmeExample[] = [];
  const problems: string[] = [];
  /** The example the next json block may belong to, and whether it still waits for variables. */
  let open: { example: ReadmeExample; wantsVariables: boolean } | null = null;

  for (const block of fencedBlocks(markdown)) {
    const where = `README.md:${block.line}`;
    if (open && REAL_OUTPUT.test(block.leadIn) && !open.wantsVariables) {
      const field = REAL_OUTPUT_OF_FIELD.exec(block.leadIn);
      if (block.lang === 'json') {
        open.example.shown.push({ kind: 'json', line: block.line, json: parseJson(block.text, where, problems), abridged: /abridged/i.test(block.leadIn) });
      } else if (field) {
        open.example.shown.push({ kind: 'text', line: block.line, path: (field[1] as string).split('.'), text: block.text });
      } else {
        problems.push(`${where}: a "Real output" that is not JSON must name the field it shows ("Real output of \`context.markdown\`").`);
      }
      continue;
    }
    if (block.lang === 'json' && open) {
      if (open.wantsVariables && open.example.kind === 'graphql') {
        attachVariables(open.example, parseJson(block.text, where, problems), where, problems);
        open.wantsVariables = false;
        continue;
      }
    }
    if (open?.wantsVariables) problems.push(`README.md:${open.example.line}: its operations declare variables, but no json block of variables follows it.`);
    open = null;

    if (block.lang === 'graphql' || block.lang === 'gql') {
      const example = graphqlExample(block, problems);
      if (example) {
        examples.push(example);
        open = { example, wantsVariables: example.operations.some((op) => op.variableNames.length > 0) };
      }
    } else if (['sh', 'bash', 'shell', 'console'].includes(block.lang) && /\bcurl\b/.test(block.text)) {
      const example = httpExample(block, problems);
      if (example) {
        examples.push(example);
        open = { example, wantsVariables: false };
      }
    } else if (REAL_OUTPUT.test(block.leadIn)) {
      problems.push(`${where}: "Real output" that follows no example (put the query it answers, with its variables, just before it).`);
    } else if (LOOKS_LIKE_GRAPHQL.test(block.text)) {
      problems.push(
        `${where}: a \`\`\`${block.lang || '(no language)'} block that looks like a GraphQL example but is neither a \`\`\`graphql block nor a curl call.`,
      );
    }
  }
  if (open?.wantsVariables) problems.push(`README.md:${open.example.line}: its operations declare variables, but no json block of variables follows it.`);
  return { examples, problems };
}

function parseJson(text: string, where: string, problems: string[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.push(`${where}: not valid JSON (${(error as Error).message}).`);
    return null;
  }
}

function graphqlExample(block: FencedBlock, problems: string[]): GraphQLExample | null {
  const where = `README.md:${block.line}`;
  let definitions;
  try {
    definitions = parse(block.text).definitions;
  } catch (error) {
    problems.push(`${where}: not a GraphQL document (${(error as Error).message}).`);
    return null;
  }
  const operations: GraphQLOperationExample[] = [];
  for (const definition of definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.loc) {
      problems.push(`${where}: only operations can be run one by one; found a ${definition.kind}.`);
      continue;
    }
    operations.push({
      label: operationLabel(definition),
      source: block.text.slice(definition.loc.start, definition.loc.end),
      variableNames: (definition.variableDefinitions ?? []).map((v) => v.variable.name.value),
    });
  }
  return { kind: 'graphql', line: block.line, operations, variables: null, shown: [] };
}

function operationLabel(operation: OperationDefinitionNode): string {
  if (operation.name) return operation.name.value;
  const first = operation.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? first.name.value : operation.operation;
}

function attachVariables(example: GraphQLExample, json: unknown, where: string, problems: string[]): void {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problems.push(`${where}: variables must be one JSON object.`);
    return;
  }
  const declared = new Set(example.operations.flatMap((op) => op.variableNames));
  const given = Object.keys(json);
  const missing = [...declared].filter((name) => !given.includes(name));
  const extra = given.filter((name) => !declared.has(name));
  if (missing.length > 0) problems.push(`${where}: variables lack ${missing.map((n) => `$${n}`).join(', ')}.`);
  if (extra.length > 0) problems.push(`${where}: no operation above declares ${extra.map((n) => `$${n}`).join(', ')}.`);
  example.variables = json as Record<string, unknown>;
}

/**
 * A curl call: `-s`, `-H 'Name: value'`, the URL under http://localhost:4000, an optional
 * `--data @- <<'EOF'` body up to `EOF` and an optional `> file`. Lines assigning shell variables
 * (`KEY=…`) are left to the runner, which knows the key; anything else is a problem.
 */
function httpExample(block: FencedBlock, problems: string[]): HttpExample | null {
  const where = `README.md:${block.line}`;
  const lines = block.text.replace(/\\\n\s*/g, ' ').split('\n');
  let request: HttpExample | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] as string).trim();
    if (line === '' || /^[A-Z_][A-Z0-9_]*=/.test(line)) continue;
    const words = shellWords(line);
    if (words[0] !== 'curl' || request) {
      problems.push(`${where}: cannot run "${line}" (only one curl call, and shell variable assignments, are understood).`);
      return null;
    }
    request = { kind: 'http', line: block.line, method: 'GET', path: '', headers: {}, body: null, shown: [] };
    for (let w = 1; w < words.length; w += 1) {
      const word = words[w] as string;
      if (word === '-s' || word === '--silent') continue;
      if (word === '-H' || word === '--header') {
        const header = words[(w += 1)] ?? '';
        const colon = header.indexOf(':');
        request.headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
      } else if (word === '--data' && words[w + 1] === '@-' && /^<<'?(\w+)'?$/.test(words[w + 2] ?? '')) {
        const end = (words[w + 2] as string).replace(/[<']/g, '');
        w += 2;
        const body: string[] = [];
        for (i += 1; i < lines.length && (lines[i] as string).trim() !== end; i += 1) body.push(lines[i] as string);
        request.body = body.join('\n');
        request.method = 'POST';
      } else if (word === '>') {
        w += 1;
      } else if (word.startsWith('http://localhost:4000/')) {
        request.path = word.slice('http://localhost:4000'.length);
      } else {
        problems.push(`${where}: cannot run curl's argument "${word}".`);
        return null;
      }
    }
    if (request.path === '') {
      problems.push(`${where}: the curl call names no http://localhost:4000/… URL.`);
      return null;
    }
  }
  return request;
}

/** Splits a shell line into words, honouring single and double quotes (no escapes inside). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}
