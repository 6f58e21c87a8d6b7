"use client";

// Page frame shared by the portal and the operator console: skip link, top bar, nav, main.
// A client component only so every page's RSC payload holds references to its parts, not its markup.
export function AppFrame({ topBar, nav, children }: { topBar: React.ReactNode; nav: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      {topBar}
      <div className="flex flex-1 flex-col md:flex-row">
        {nav}
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
