/**
 * The bots the server checks Discord and Telegram tasks with; the server's config builds them from
 * DISCORD_* and TELEGRAM_* variables. X tasks use the member's own token from linking X (Deps.twitter).
 * A service left null is not offered: its kinds cannot be added to a campaign.
 */
export interface SocialConfig {
  /** Bot token (`Authorization: Bot …`) and REST base, e.g. https://discord.com/api/v10. */
  discord: { botToken: string; apiBaseUrl: string } | null;
  /**
   * Bot token (the Login Widget's data is signed with its SHA-256, getChatMember is asked with it),
   * the bot's username the widget names, the Bot API base, and how old a widget login may be.
   */
  telegram: { botToken: string; botUsername: string; apiBaseUrl: string; maxAuthAgeSeconds: number } | null;
}
