/**
 * English sentiment on realistic support messages: English scores with Baton's support lexicon
 * and AFINN-165, never nlp.js's English dictionary (it reads everyday words such as "money",
 * "month", "plan" or "wait" as positive), so plain complaints never come out positive, neutral
 * questions stay at 0 and thanks stay clearly positive.
 */
import { AnalysedText } from './message-analysis';
import { scoreSentiment } from './sentiment';

const score = (text: string) => scoreSentiment(new AnalysedText(text, 1), 'en').score;

describe('English sentiment on support messages', () => {
  it.each([
    'I was billed $49 this month but my plan is supposed to be $29. Can you fix the amount?',
    'You promised me a refund ten days ago and I still have nothing.',
    'I cancelled last month and you charged my card again.',
    'Your last update deleted all my saved playlists.',
    'I was told it would be fixed by Monday. It is Thursday and nothing has changed.',
    'I was charged for the yearly plan even though I clearly picked monthly, please sort it out',
    'why did my monthly price go up without any notice?',
  ])('never scores a plain complaint positive: %s', (text) => {
    expect(score(text)).toBeLessThanOrEqual(0);
  });

  it.each([
    'My order still has not arrived and it has been two weeks. I want my money back.',
    'The app keeps crashing every time I open my account page, I have lost a whole morning.',
    'The courier left my parcel in the rain and now the contents are ruined.',
    'I have emailed three times about this invoice and got no reply.',
    'I have been waiting on hold for an hour, this is not ok',
    'I never agreed to this plan and I want the money returned',
    'Honestly I am really disappointed with how this has been handled.',
  ])('scores a complaint at or below -0.3: %s', (text) => {
    expect(score(text)).toBeLessThanOrEqual(-0.3);
  });

  it.each([
    'Hi, I would like to change the delivery address on my order.',
    'How do I add a second user to my account?',
    'What time does your store open on Saturday?',
    'Can I pay with PayPal or only with a credit card?',
    'Is the annual plan billed once a year or every month?',
    'Which plan includes the export feature?',
    'I am looking at the pricing page and want to know the difference between the plans.',
    'The email on my account is the old one from work.',
    'quick question about my bill',
    'please close my account for good',
  ])('keeps a neutral message at 0: %s', (text) => {
    expect(Math.abs(score(text))).toBeLessThan(0.15);
  });

  it.each([
    'Thanks a lot, that fixed it!',
    'Perfect, the refund just showed up in my bank account. Thank you.',
    'You have been very helpful, have a nice day',
    'ok it works now, appreciate the quick help',
    'That was easy, cheers!',
    'I am delighted, the new one arrived this morning',
    'it worked, I am so grateful',
  ])('scores thanks at or above 0.3: %s', (text) => {
    expect(score(text)).toBeGreaterThanOrEqual(0.3);
  });

  it('reads a request verb as neutral and its past participle as relief', () => {
    expect(score('can you fix it')).toBe(0);
    expect(score('fixed!')).toBeGreaterThan(0.3);
  });
});
