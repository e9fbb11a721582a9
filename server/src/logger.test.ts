import { createLogger, silentLogger } from './logger';
import { captureLogs } from './test-support/captured-logs';

describe('createLogger', () => {
  it('writes one JSON line per call: level label, ISO time, msg, fields', () => {
    const { logger, lines } = captureLogs();
    logger.info({ policyId: 'support-default' }, 'reference policy loaded');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        msg: 'reference policy loaded',
        policyId: 'support-default',
      }),
    ]);
  });

  it('writes nothing below its level', () => {
    const written: string[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (line) => void written.push(line) } });
    logger.info('not written');
    logger.warn('written');
    expect(written.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['written']);
  });

  it('redacts API keys, the Authorization header and customer message text, at the top level and one object down', () => {
    const { logger, lines } = captureLogs();
    const secrets = ['baton_live_key_0123456789', 'Bearer baton_admin_0123456789', 'my card was charged twice', 'Ana Souza', 'mongodb://baton:s3cret@db/baton'];
    logger.warn(
      {
        apiKey: secrets[0],
        key: secrets[0],
        authorization: secrets[1],
        req: { method: 'POST', url: '/graphql', headers: { authorization: secrets[1], 'content-type': 'application/json' } },
        headers: { authorization: secrets[1] },
        input: { conversationId: 'c-1', messages: [{ speaker: 'CUSTOMER', text: secrets[2] }], customer: { id: 'cust-1', name: secrets[3] } },
        message: { speaker: 'CUSTOMER', text: secrets[2] },
        variables: { input: { messages: [{ text: secrets[2] }] } },
        config: { adminKey: secrets[0], mongodbUri: secrets[4] },
      },
      'a line holding secrets',
    );
    const line = lines[0];
    for (const secret of secrets) expect(JSON.stringify(line)).not.toContain(secret);
    expect(line).toMatchObject({
      apiKey: '[Redacted]',
      key: '[Redacted]',
      authorization: '[Redacted]',
      req: { method: 'POST', url: '/graphql', headers: { authorization: '[Redacted]', 'content-type': 'application/json' } },
      headers: { authorization: '[Redacted]' },
      input: { conversationId: 'c-1', messages: '[Redacted]', customer: '[Redacted]' },
      message: { speaker: 'CUSTOMER', text: '[Redacted]' },
      variables: '[Redacted]',
      config: { adminKey: '[Redacted]', mongodbUri: '[Redacted]' },
    });
  });

  it('logs an error as type, message, stack and code only: a driver error may carry the documents it failed to write', () => {
    const { logger, lines } = captureLogs();
    const error = Object.assign(new Error('E11000 duplicate key'), {
      code: 11000,
      writeErrors: [{ op: { messages: [{ text: 'my card was charged twice' }] } }],
    });
    logger.error({ err: error }, 'decision log write failed');
    expect(lines[0]?.err).toEqual({ type: 'Error', message: 'E11000 duplicate key', stack: expect.stringContaining('E11000 duplicate key'), code: 11000 });
    logger.error({ err: 'not an Error' }, 'odd failure');
    expect(lines[1]?.err).toEqual({ message: 'not an Error' });
  });
});

describe('silentLogger', () => {
  it('is disabled at every level', () => {
    expect(silentLogger.isLevelEnabled('fatal')).toBe(false);
  });
});
