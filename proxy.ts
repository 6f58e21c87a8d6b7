// Optimistic gate only: sends signed-out visitors to the sign-in page before any page renders.
// It reads nothing but the session cookie and is NOT the security boundary (CVE-2025-29927
// showed middleware can be skipped): every page resolves the viewer from the database and every
// lib/ data function checks the account and permission itself. Per-page permission redirects
// (to /missing-permission) happen in the page with permissions loaded fresh from the database,
// because claims frozen into the cookie would go stale when an administrator changes roles (R-P4).
import { withAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/auth/secret";

export const proxy = withAuth({
  pages: { signIn: "/sign-in" },
  secret: authSecret(),
});

export const config = {
  matcher: ["/", "/account/:path*", "/settings/:path*", "/support/:path*", "/alerts/:path*", "/operator/:path*", "/missing-permission"],
};
