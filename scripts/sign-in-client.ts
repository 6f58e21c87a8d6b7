// Signing in the way the sign-in form does, for the scripts and benches that drive a running
// portal from outside: the csrf token (and its cookie), then next-auth's credentials callback.

export function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

export type Jar = { cookie: string; sessionSet: boolean };

export async function signIn(base: string, email: string, password: string): Promise<Jar> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  await callback.arrayBuffer();
  const cookies = [...jar, ...cookiesOf(callback)];
  return { cookie: cookies.join("; "), sessionSet: cookies.some((c) => c.startsWith("next-auth.session-token=") && c.length > "next-auth.session-token=".length) };
}
