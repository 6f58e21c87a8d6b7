// The bare Next.js app of bench/page-load.ts: the same Next version as the portal, no data.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
