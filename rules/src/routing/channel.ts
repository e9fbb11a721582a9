/**
 * Maps a decision's free-form channel onto the channels agent capacity is counted on: every
 * messaging channel shares the chat capacity (an agent juggles them the same way), phone calls
 * are voice, and a conversation that names no channel is chat.
 */
import type { Channel } from '@baton/schemas';

const VOICE = new Set(['voice', 'phone', 'call', 'telephone']);
const EMAIL = new Set(['email', 'e-mail', 'mail', 'ticket']);

/** `web_chat`, `whatsapp`, `sms`, `in_app`, `` → chat; `phone` → voice; `email` → email. */
export function capacityChannel(channel: string | null | undefined): Channel {
  const key = (channel ?? '').trim().toLowerCase();
  if (EMAIL.has(key)) return 'email';
  if (VOICE.has(key)) return 'voice';
  return 'chat';
}
