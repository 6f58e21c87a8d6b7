// Built by bench/page-load.ts into node_modules/.cache, so no build output lands in the repository.
const nextConfig = { distDir: "../../node_modules/.cache/bench-bare-next", poweredByHeader: false };

export default nextConfig;
