/**
 * The deployment files at the repository root, checked without Docker: docker-compose.yml is
 * validated and normalised by Debian's `docker-compose` 1.29 (installed by .ci/run; `config`
 * needs no Docker engine), and the Dockerfile is read for its essentials. Nothing here builds an
 * image or starts a container.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { makeTempDir, removeTempDirs } from '../test-support/temp-dir';

const REPO = path.resolve(__dirname, '..', '..', '..');
const COMPOSE_FILE = fs.readFileSync(path.join(REPO, 'docker-compose.yml'), 'utf8');
const ENV_EXAMPLE = fs.readFileSync(path.join(REPO, '.env.example'), 'utf8');
const DOCKERFILE = fs.readFileSync(path.join(REPO, 'Dockerfile'), 'utf8');
const ADMIN_KEY = 'compose-test-admin-key-0123456789abcdef';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The parts of `docker-compose config` output the assertions read. */
interface ComposeConfig {
  services: Record<
    string,
    {
      image?: string;
      build?: { context: string };
      command?: string[];
      healthcheck?: { test: string[] };
      volumes?: string[];
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      ports?: unknown[];
    }
  >;
  volumes?: Record<string, unknown>;
}

afterAll(removeTempDirs);

function dockerCompose(dir: string, args: string[]): Run {
  // Only PATH and HOME: a developer's COMPOSE_* variables must not change what is validated.
  const run = spawnSync('docker-compose', args, { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(
      "docker-compose is not installed: .ci/run installs Debian's docker-compose package (apt-get install --no-install-recommends docker-compose); no Docker engine is needed.",
    );
  }
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A project directory holding `compose` as docker-compose.yml and, unless `env` is null, `.env`. */
function project(compose: string, env: string | null): string {
  const dir = makeTempDir('baton-compose-');
  fs.writeFileSync(path.join(dir, 'docker-compose.yml'), compose);
  if (env !== null) fs.writeFileSync(path.join(dir, '.env'), env);
  return dir;
}

/** The example env file with the admin key filled in, as a user would. */
function userEnv(): string {
  expect(ENV_EXAMPLE).toMatch(/^BATON_ADMIN_KEY=$/m);
  return ENV_EXAMPLE.replace(/^BATON_ADMIN_KEY=$/m, `BATON_ADMIN_KEY=${ADMIN_KEY}`);
}

/** `docker-compose config` of `dir` as JSON (through PyYAML, which Debian's docker-compose depends on). */
function normalisedConfig(dir: string): ComposeConfig {
  const config = dockerCompose(dir, ['config']);
  if (config.status !== 0) throw new Error(`docker-compose config failed: ${config.stderr}`);
  const json = spawnSync('python3', ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], {
    input: config.stdout,
    encoding: 'utf8',
  });
  if (json.status !== 0) throw new Error(`could not read the docker-compose config output as YAML: ${json.stderr || json.error?.message}`);
  return JSON.parse(json.stdout) as ComposeConfig;
}

describe('docker-compose.yml (docker-compose config, no Docker engine)', () => {
  it('is accepted by `docker-compose config -q` with the example env file', () => {
    const run = dockerCompose(project(COMPOSE_FILE, userEnv()), ['config', '-q']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('is refused once broken, so the check above can fail', () => {
    expect(COMPOSE_FILE).toContain('condition: service_healthy');
    const broken = COMPOSE_FILE.replace('condition: service_healthy', 'condition: service_heathy');
    const run = dockerCompose(project(broken, userEnv()), ['config', '-q']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('service_heathy');
  });

  it('needs the env file: without .env it is refused', () => {
    const run = dockerCompose(project(COMPOSE_FILE, null), ['config', '-q']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('.env');
  });

  describe('what the deployment needs', () => {
    let config: ComposeConfig;
    beforeAll(() => {
      config = normalisedConfig(project(COMPOSE_FILE, userEnv()));
    });

    it('has exactly the mongo and server services', () => {
      expect(Object.keys(config.services).sort()).toEqual(['mongo', 'server']);
    });

    it('runs the official mongo image as the single-node replica set rs0 on a named volume', () => {
      const mongo = config.services.mongo!;
      expect(mongo.image).toMatch(/^mongo:\d/);
      expect(mongo.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
      const dataVolume = (mongo.volumes ?? []).map((spec) => spec.split(':')).find(([, target]) => target === '/data/db');
      expect(dataVolume).toBeDefined();
      expect(Object.keys(config.volumes ?? {})).toContain(dataVolume![0]);
    });

    it('has a mongo health check that initiates rs0 when needed and passes only on the primary, in valid JavaScript', () => {
      const test = config.services.mongo!.healthcheck!.test;
      expect(test.slice(0, 2)).toEqual(['CMD', 'mongosh']);
      const script = test[test.indexOf('--eval') + 1]!;
      expect(script).toContain("rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] })");
      expect(script).toContain('isWritablePrimary');
      // mongosh runs JavaScript: a quoting mistake would leave the node never initiated.
      expect(() => new vm.Script(script)).not.toThrow();
    });

    it('builds the server from the Dockerfile, starts it once mongo is healthy, on port 4000', () => {
      const server = config.services.server!;
      expect(server.build?.context).toBeDefined();
      expect(server.depends_on).toEqual({ mongo: { condition: 'service_healthy' } });
      expect(JSON.stringify(server.ports)).toContain('4000');
    });

    it('points the server at the replica set and reads BATON_ADMIN_KEY from the env file', () => {
      const environment = config.services.server!.environment ?? {};
      expect(environment.MONGODB_URI).toBe('mongodb://mongo:27017/baton?replicaSet=rs0');
      // docker-compose config merges env_file into environment: the key can only come from .env.
      expect(environment.BATON_ADMIN_KEY).toBe(ADMIN_KEY);
    });
  });
});

/** Stages of the Dockerfile: each FROM line with the instructions up to the next. */
function dockerfileStages(text: string): { from: string; body: string }[] {
  const logical = text.replace(/\\\n/g, ' ');
  return logical
    .split(/^(?=FROM\s)/m)
    .filter((chunk) => chunk.startsWith('FROM'))
    .map((chunk) => ({ from: chunk.split('\n')[0]!, body: chunk }));
}

describe('Dockerfile essentials (a reading of the file; no image is built here)', () => {
  const stages = dockerfileStages(DOCKERFILE);
  const runtime = stages[stages.length - 1]!;

  it('is multi-stage, the runtime stage copying what the others built', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.body).toMatch(/^COPY --from=\S+ /m);
    for (const dist of ['schemas/dist', 'rules/dist', 'seed/dist', 'server/dist', 'editor/dist']) expect(runtime.body).toContain(dist);
  });

  it('installs production dependencies only for the runtime', () => {
    expect(DOCKERFILE).toMatch(/^RUN npm (ci|install) --omit=dev\b/m);
  });

  it('runs as a non-root user', () => {
    const users = [...runtime.body.matchAll(/^USER\s+(\S+)/gm)].map((match) => match[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0']).not.toContain(users[users.length - 1]);
  });

  it('listens on 0.0.0.0:4000, checks /healthz and starts node server/dist/main.js', () => {
    expect(runtime.body).toMatch(/^EXPOSE 4000$/m);
    expect(runtime.body).toMatch(/HOST=0\.0\.0\.0/);
    expect(runtime.body).toMatch(/^HEALTHCHECK .*\/healthz/m);
    expect(runtime.body).toMatch(/^CMD \["node", "server\/dist\/main\.js"\]$/m);
  });
});
