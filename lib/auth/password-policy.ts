import { z } from "zod";

// New passwords (ASVS V6.2 / NIST SP 800-63B): long rather than complex, not a well-known
// password, not the email address. Each refusal says what to do instead.
const COMMON = new Set([
  "password1234",
  "123456789012",
  "qwertyuiopas",
  "passwordpassword",
  "iloveyou1234",
  "letmein12345",
  "welcome12345",
  "administrator",
  "changeme1234",
  "demo-pass-123",
  "abcdefghijkl",
  "111111111111",
]);

export function passwordStrengthProblem(password: string, email?: string): string | null {
  if (password.length < 12) return "Use at least 12 characters. A few unrelated words make a strong password.";
  if (password.length > 1024) return "Use at most 1024 characters.";
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "That password is one of the most common ones. Choose something less predictable.";
  if (new Set(lower).size < 4) return "That password repeats too few characters. Choose something less predictable.";
  if (email && lower.includes(email.toLowerCase().split("@")[0]) && email.split("@")[0].length >= 4) return "Don't use your email address in your password.";
  return null;
}

// A new password typed twice; `email` lets the check refuse the user's own address.
export function newPasswordSchema(email?: string) {
  return z.object({ password: z.string().max(1024, "Use at most 1024 characters."), confirm: z.string().max(1024) }).superRefine((v, ctx) => {
    const problem = passwordStrengthProblem(v.password, email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    else if (v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "The passwords don't match." });
  });
}
