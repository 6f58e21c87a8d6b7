// The key that signs session cookies. Without NEXTAUTH_SECRET (development, demo) a fixed value
// keeps `npm run dev` working alone; lib/server/start.ts refuses production without one outside demo mode.
export function authSecret(): string {
  return process.env.NEXTAUTH_SECRET || "billing-portal-development-secret-not-for-production";
}
