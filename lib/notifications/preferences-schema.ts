import { z } from "zod";
import { idSchema } from "@/lib/validation";

// Notification categories (R-N3). Billing is the only one so far; the table is keyed by category.
export const NOTIFICATION_CATEGORIES = ["billing"] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export type ChannelPreferences = { alert: boolean; email: boolean };

// What a user without a saved preference gets (R-N3): the bell, no email.
export const DEFAULT_PREFERENCES: ChannelPreferences = { alert: true, email: false };

// JSON body of PUT /api/notification-preferences. Without userId it is the viewer's own
// preference. Strict: an unknown field is a 422 naming it.
export const notificationPreferencesSchema = z.strictObject({
  category: z.enum(NOTIFICATION_CATEGORIES).default("billing"),
  alert: z.boolean(),
  email: z.boolean(),
  userId: idSchema().optional(),
});

export type NotificationPreferencesInput = z.input<typeof notificationPreferencesSchema>;

// The same fields from a plain HTML form (the page without JavaScript): an unchecked box is absent.
export const notificationPreferencesFormSchema = z
  .object({
    category: z.enum(NOTIFICATION_CATEGORIES).default("billing"),
    alert: z.literal("on").optional(),
    email: z.literal("on").optional(),
    userId: z.union([idSchema(), z.literal("")]).optional(),
  })
  .transform((form) => ({
    category: form.category,
    alert: form.alert === "on",
    email: form.email === "on",
    userId: form.userId || undefined,
  }));
