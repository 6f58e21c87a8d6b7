/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or file-reading packages must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pdfkit", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
