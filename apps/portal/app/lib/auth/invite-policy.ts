/** How long an invite link stays valid, in days (shared by server and UI). */
export const INVITE_DAYS = 7;
