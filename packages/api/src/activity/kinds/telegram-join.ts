import { ZTelegramJoinParameter } from '@puffy/contracts';
import { telegramChatMember } from '../social/telegram-api';
import type { SocialVerifier } from '../social/verifier';

/** Joined a Telegram channel or group: our bot asks `getChatMember` about the linked Telegram id. */
export const telegramJoin: SocialVerifier = {
  service: 'telegram',
  async check(deps, input) {
    const { chatId } = ZTelegramJoinParameter.parse(input.parameter);
    const { member, answer } = await telegramChatMember(deps, chatId, input.accountId);
    return { passed: member, answer };
  },
};
