export { LEVEL_THRESHOLDS, type Level, levelOf } from './levels';
export { daysBetween, isTimeZone, localDay } from './local-day';
export { rankStandings, type Standing, type TicketRule, ticketsFor } from './standings';
export { type CheckIn, checkIn, MILESTONES, NO_STREAK, type StreakState } from './streak';
