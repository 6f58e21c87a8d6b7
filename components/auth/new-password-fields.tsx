import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

// The new password, typed twice: shared by the invitation and the password-reset forms.
export function NewPasswordFields({ errors }: { errors: Record<string, string[]> }) {
  return (
    <>
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A few unrelated words make a strong password."
        errors={errors.password}
        required
      />
      <TextField name="confirm" label="Repeat the password" type="password" autoComplete="new-password" errors={errors.confirm} required />
    </>
  );
}

// After a password was set: what happened, and the way to sign in with it.
export function PasswordSetNotice({ message }: { message?: string }) {
  return (
    <div className="space-y-4">
      <Notice tone="success">{message}</Notice>
      <Link href="/sign-in" className={buttonClasses("primary") + " w-full"}>
        Sign in
      </Link>
    </div>
  );
}
