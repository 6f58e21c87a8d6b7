import { z } from "zod";
import { idSchema, textSchema } from "@/lib/validation";

const roleIdsSchema = z
  .array(idSchema("Unknown role."))
  .min(1, "Choose at least one role (Member grants no permissions).")
  .max(50)
  .transform((ids) => [...new Set(ids)]);

export const inviteUserSchema = z.object({
  name: textSchema({ min: 1, minMessage: "Enter the person's name.", max: 100, maxMessage: "Use at most 100 characters." }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(320, "That email address is too long.")
    .pipe(z.email({ error: "Enter an email address like name@example.com." })),
  roleIds: roleIdsSchema,
});

export const userRolesSchema = z.object({ roleIds: roleIdsSchema });

// Passwords chosen on the invitation page: long rather than complex (NIST SP 800-63B).
export const setPasswordSchema = z
  .object({
    password: z.string().min(12, "Use at least 12 characters.").max(1024, "Use at most 1024 characters."),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "The passwords don't match." });
