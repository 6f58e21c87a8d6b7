// Headers that are the same on every response, static files included. The Content-Security-Policy
// (with a nonce per request) and HSTS (only over HTTPS) are set by proxy.ts.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server under .next/standalone (README "Deploy"); scripts/standalone.mjs adds
  // what Next leaves out (static files, public/, the migrations) and the portal's server entry.
  output: "standalone",
  // Native or file-reading packages must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pdfkit", "pg", "pino", "prom-client"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
