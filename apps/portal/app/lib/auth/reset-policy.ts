/** How long a password-reset link works, in minutes. Shared by server and UI. */
export const RESET_LINK_MINUTES = 60;
