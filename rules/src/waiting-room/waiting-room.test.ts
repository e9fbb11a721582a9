import { DEFAULT_WAITING_ROOM } from '@baton/schemas';
import { validatePolicyDocument } from '../validate/validate-graph';
import { DiagnosticCode } from '../validate/diagnostic';
import { ordinal, waitPhrase } from './waiting-phrases';
import { resolveWaitingRoomSettings, updateGapSeconds, waitingRoomState, type WaitingRoomInput } from './waiting-room';
import { FIXTURE_SETTINGS } from '../signals/fixtures/trigger-settings.fixture';
import { smallPolicyGraph } from '../testing/fixtures';

const T0 = Date.parse('2026-05-04T09:00:00.000Z');
/** A queued customer `seconds` into their wait. */
const roomAt = (seconds: number, overrides: Partial<WaitingRoomInput> = {}) =>
  waitingRoomState({
    waitingSince: new Date(T0),
    now: new Date(T0 + seconds * 1000),
    position: 2,
    estimatedWaitSeconds: 180,
    language: 'en',
    queueName: 'Billing',
    seed: 'dec-1',
    ...overrides,
  });

describe('waiting-room schedule (fake clock)', () => {
  it('says nothing before two minutes of waiting, and schedules the first update at 2:00', () => {
    for (const seconds of [0, 30, 119]) {
      const room = roomAt(seconds);
      expect(room).toMatchObject({ message: null, messageAt: null, updateNumber: 0, callbackOffer: null });
      expect(room.nextUpdateAt.toISOString()).toBe(new Date(T0 + 120_000).toISOString());
    }
  });

  it('gives the first update at 2:00, then one every 60–90 s, the same on every read', () => {
    const first = roomAt(120);
    expect(first).toMatchObject({
      updateNumber: 1,
      message: "You're now 2nd in the queue; someone from our Billing team should be with you in about 3 minutes. Thanks for waiting.",
    });
    expect(first.messageAt?.getTime()).toBe(T0 + 120_000);

    // Walk the clock second by second over twenty minutes: every update is due 60..90 s after the one before.
    const dueTimes: number[] = [];
    let last = 0;
    for (let s = 0; s <= 1200; s++) {
      const room = roomAt(s);
      if (room.updateNumber !== last) {
        expect(room.updateNumber).toBe(last + 1);
        expect(room.messageAt?.getTime()).toBe(T0 + s * 1000);
        dueTimes.push(s);
        last = room.updateNumber;
      }
      expect(room.nextUpdateAt.getTime()).toBeGreaterThan(T0 + s * 1000);
    }
    const gaps = dueTimes.slice(1).map((t, i) => t - (dueTimes[i] ?? 0));
    expect(dueTimes[0]).toBe(120);
    expect(gaps.length).toBeGreaterThanOrEqual(11);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(60);
      expect(gap).toBeLessThanOrEqual(90);
    }
    // Not a metronome: the gaps vary.
    expect(new Set(gaps).size).toBeGreaterThan(1);
    // The next update announced at one read is the one the clock reaches.
    const announced = roomAt(200).nextUpdateAt.getTime();
    expect(roomAt((announced - T0) / 1000).messageAt?.getTime()).toBe(announced);
    expect(roomAt((announced - T0) / 1000 - 1).messageAt?.getTime()).toBeLessThan(announced);
  });

  it('draws gaps within the configured range for any seed, including equal bounds', () => {
    for (let n = 1; n < 500; n++) {
      const gap = updateGapSeconds(`seed-${n}`, n, 60, 90);
      expect(gap).toBeGreaterThanOrEqual(60);
      expect(gap).toBeLessThanOrEqual(90);
      expect(updateGapSeconds(`seed-${n}`, n, 75, 75)).toBe(75);
    }
  });

  it('offers a callback or email from ten minutes on, and not before', () => {
    expect(roomAt(599).callbackOffer).toBeNull();
    const offered = roomAt(600);
    expect(offered.callbackOffer).toBe(
      "Sorry the wait is taking this long. Would you rather have our Billing team call you back or answer by email? You'd keep this conversation, so there's nothing to repeat.",
    );
    expect(offered.callbackOfferAt.getTime()).toBe(T0 + 600_000);
    expect(roomAt(3000).callbackOffer).toBe(offered.callbackOffer);
  });

  it("follows the policy's thresholds and templates, the defaults filling what it leaves out", () => {
    const settings = {
      firstUpdateAfterSeconds: 30,
      minUpdateIntervalSeconds: 45,
      maxUpdateIntervalSeconds: 45,
      callbackOfferAfterSeconds: 300,
      updateMessage: { en: 'Place {position} ({wait}) for {queueName}.' },
    };
    expect(roomAt(29, { settings }).message).toBeNull();
    expect(roomAt(30, { settings }).message).toBe('Place 2nd (about 3 minutes) for Billing.');
    expect(roomAt(74, { settings }).updateNumber).toBe(1);
    expect(roomAt(75, { settings }).updateNumber).toBe(2);
    expect(roomAt(299, { settings }).callbackOffer).toBeNull();
    expect(roomAt(300, { settings }).callbackOffer).toContain('call you back');
    // Spanish was not customised: Baton's own Spanish, not the policy's English.
    expect(roomAt(30, { settings, language: 'es' }).message).toBe(
      'Ahora ocupa el 2.º lugar en la cola; alguien de nuestro equipo de Billing le atenderá en unos 3 minutos. Gracias por esperar.',
    );
    expect(resolveWaitingRoomSettings(settings).updateMessage.fr).toBe(DEFAULT_WAITING_ROOM.updateMessage.fr);
  });

  it('counts a negative wait (clock skew) as none', () => {
    const early = roomAt(-30);
    expect(early).toMatchObject({ waitedSeconds: 0, message: null, updateNumber: 0 });
  });
});

describe('waiting-room messages in every language', () => {
  const cases: [string, number, number | null, string, string][] = [
    [
      'en',
      1,
      40,
      "You're now 1st in the queue; someone from our Billing team should be with you in less than a minute. Thanks for waiting.",
      "Sorry the wait is taking this long. Would you rather have our Billing team call you back or answer by email? You'd keep this conversation, so there's nothing to repeat.",
    ],
    [
      'es',
      3,
      240,
      'Ahora ocupa el 3.º lugar en la cola; alguien de nuestro equipo de Billing le atenderá en unos 4 minutos. Gracias por esperar.',
      'Sentimos que la espera se alargue tanto. ¿Prefiere que nuestro equipo de Billing le llame o le responda por correo electrónico? Conservará esta conversación, así que no tendrá que repetir nada.',
    ],
    [
      'pt',
      2,
      60,
      'Agora você está em 2º lugar na fila; alguém da nossa equipe de Billing vai atender você em cerca de um minuto. Obrigado por aguardar.',
      'Desculpe a demora. Prefere que a nossa equipe de Billing ligue para você ou responda por e-mail? Esta conversa fica guardada, então não será preciso repetir nada.',
    ],
    [
      'de',
      4,
      null,
      'Sie sind jetzt an 4. Stelle in der Warteschlange; in wenigen Minuten ist jemand aus unserem Team Billing für Sie da. Danke für Ihre Geduld.',
      'Entschuldigen Sie die lange Wartezeit. Möchten Sie lieber, dass unser Team Billing Sie zurückruft oder per E-Mail antwortet? Dieses Gespräch bleibt erhalten, Sie müssen also nichts wiederholen.',
    ],
    [
      'fr',
      1,
      600,
      "Vous êtes maintenant en 1re position dans la file d'attente ; quelqu'un de notre équipe Billing sera avec vous dans environ 10 minutes. Merci de votre patience.",
      "Désolés pour cette longue attente. Préférez-vous que notre équipe Billing vous rappelle ou vous réponde par e-mail ? Cette conversation est conservée, vous n'aurez rien à répéter.",
    ],
  ];
  it.each(cases)('%s: the update with the ordinal and wait, and the offer', (language, position, estimatedWaitSeconds, update, offer) => {
    const room = roomAt(660, { language, position, estimatedWaitSeconds });
    expect(room.language).toBe(language);
    expect(room.message).toBe(update);
    expect(room.callbackOffer).toBe(offer);
  });

  it('falls back to English for a language without a template, and reads a regional code by its language', () => {
    expect(roomAt(120, { language: 'it' })).toMatchObject({ language: 'en', message: expect.stringContaining('2nd in the queue') });
    expect(roomAt(120, { language: 'pt-BR' })).toMatchObject({ language: 'pt', message: expect.stringContaining('2º lugar') });
  });

  it('writes ordinals by each language’s rules', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => ordinal(n, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
    expect([ordinal(2, 'es'), ordinal(2, 'pt'), ordinal(2, 'de'), ordinal(1, 'fr'), ordinal(2, 'fr')]).toEqual(['2.º', '2º', '2.', '1re', '2e']);
  });

  it('words the wait: under a minute, rounded minutes, unknown', () => {
    expect([waitPhrase(0, 'en'), waitPhrase(59, 'en'), waitPhrase(60, 'en'), waitPhrase(89, 'en'), waitPhrase(90, 'en'), waitPhrase(null, 'en')]).toEqual([
      'less than a minute',
      'less than a minute',
      'about a minute',
      'about a minute',
      'about 2 minutes',
      'a few minutes',
    ]);
  });
});

describe('waiting-room settings validation', () => {
  const withRoom = (waitingRoom: unknown) => validatePolicyDocument({ graph: smallPolicyGraph(), settings: { ...FIXTURE_SETTINGS, waitingRoom } });

  it('accepts thresholds and templates in range', () => {
    expect(
      withRoom({ firstUpdateAfterSeconds: 60, callbackOfferAfterSeconds: 900, updateMessage: { en: 'You are {position}; {wait} for {queueName}.' } }).valid,
    ).toBe(true);
  });

  it('refuses an unknown placeholder, gaps out of order, and values out of range, saying what to fix', () => {
    const misspelt = withRoom({ updateMessage: { de: 'Platz {postion}' } });
    expect(misspelt.valid).toBe(false);
    expect(misspelt.diagnostics).toEqual([
      expect.objectContaining({ code: DiagnosticCode.InvalidSettings, message: expect.stringContaining('{postion}, which Baton does not fill in') }),
    ]);
    const swapped = withRoom({ maxUpdateIntervalSeconds: 30 });
    expect(swapped.diagnostics).toEqual([
      expect.objectContaining({ code: DiagnosticCode.InvalidSettings, message: expect.stringContaining('(60 s) is longer') }),
    ]);
    expect(withRoom({ minUpdateIntervalSeconds: 5 }).valid).toBe(false);
    expect(withRoom({ callbackOfferAfterSeconds: -1 }).valid).toBe(false);
    expect(withRoom({ updateMessage: { english: 'x' } }).valid).toBe(false);
    expect(withRoom({ updateMessage: { en: '' } }).valid).toBe(false);
    expect(withRoom({ cadence: 60 }).valid).toBe(false);
  });
});
