import { getPage, signIn, signOut, wrk, type Jar } from "./http";
import { PASSWORD, query } from "./context";
import { check, instanceUrl, log, nginxOneUrl, nginxUrl } from "./topology";

// Sessions and sign-in throttles hold across instances; throughput through nginx with one and two.

export async function sessionsAcrossInstances(): Promise<Jar> {
  log("— sessions and throttles across instances");
  const jar = await signIn(nginxUrl, "billing@acme.example", PASSWORD);
  check(jar.sessionSet, "sign-in through nginx (csrf + credentials callback)", jar.sessionSet ? "session cookie set" : "no session cookie");
  // TRUSTED_PROXY_COUNT=1: the address nginx appended to X-Forwarded-For is the client's, not "unknown".
  const [session] = await query<{ ip: string }>("select ip from sessions order by created_at desc limit 1");
  check(session?.ip === "127.0.0.1", "the session records the client address nginx forwarded", `ip ${session?.ip}`);
  for (const name of ["a", "b"] as const) {
    const page = await getPage(`${instanceUrl(name)}/account/invoices`, jar.cookie);
    check(page.status === 200 && page.body.includes("Invoices"), `the session is honoured by instance ${name} directly`, `GET /account/invoices → ${page.status}`);
  }
  const signedOut = await signOut(instanceUrl("a"), jar);
  for (const name of ["a", "b"] as const) {
    const page = await getPage(`${instanceUrl(name)}/account/invoices`, jar.cookie);
    check(
      page.status >= 300 && page.status < 400 && (page.location ?? "").includes("/sign-in"),
      `after sign-out on instance a (${signedOut}), instance ${name} refuses the cookie`,
      `GET /account/invoices → ${page.status} ${page.location ?? ""}`,
    );
  }
  // The sign-in throttle is counted in PostgreSQL: five wrong passwords spread over both instances,
  // then the right one is refused too (backoff), on either.
  for (let i = 0; i < 5; i++) await signIn(instanceUrl(i % 2 ? "b" : "a"), "admin@initech.example", "wrong-password");
  const throttled = await signIn(instanceUrl("a"), "admin@initech.example", PASSWORD);
  check(
    !throttled.sessionSet,
    "5 failed sign-ins spread over a and b throttle the account on both",
    throttled.sessionSet ? "6th attempt signed in" : "6th attempt (right password) refused",
  );
  return signIn(nginxUrl, "billing@acme.example", PASSWORD);
}

export async function throughput(jar: Jar): Promise<void> {
  log("— throughput through nginx, wrk -t2 -c8 -d10s on /account/invoices signed in as billing@acme");
  const one = await wrk(`${nginxOneUrl}/account/invoices`, jar.cookie, 10);
  const two = await wrk(`${nginxUrl}/account/invoices`, jar.cookie, 10);
  log(`one instance:  ${one.rps.toFixed(1)} req/s (${one.requests} requests, ${one.non2xx} non-2xx, ${one.socketErrors} socket errors)`);
  log(`two instances: ${two.rps.toFixed(1)} req/s (${two.requests} requests, ${two.non2xx} non-2xx, ${two.socketErrors} socket errors)`);
  log(`two / one: ${(two.rps / one.rps).toFixed(2)}× (two cores shared by nginx, PgBouncer, PostgreSQL, wrk and the instances)`);
  check(one.non2xx + two.non2xx === 0, "every request under load answered 2xx", `${one.non2xx + two.non2xx} non-2xx`);
}
