import { ZDiscordMemberParameter, ZDiscordRoleParameter } from '@puffy/contracts';
import { discordGuildMember } from '../social/discord-api';
import type { SocialVerifier } from '../social/verifier';

/** Member of a Discord server: our bot finds them with `GET /guilds/:guild/members/:user`. */
export const discordMember: SocialVerifier = {
  service: 'discord',
  async check(deps, input) {
    const { guildId } = ZDiscordMemberParameter.parse(input.parameter);
    const { member, answer } = await discordGuildMember(deps, guildId, input.accountId);
    return { passed: member !== null, answer };
  },
};

/** Holds a role in a Discord server: the same member lookup lists the role's id. */
export const discordRole: SocialVerifier = {
  service: 'discord',
  async check(deps, input) {
    const { guildId, roleId } = ZDiscordRoleParameter.parse(input.parameter);
    const { member, answer } = await discordGuildMember(deps, guildId, input.accountId);
    return { passed: member?.roles.includes(roleId) ?? false, answer };
  },
};
