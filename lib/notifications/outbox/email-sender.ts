import "server-only";
import { Resend } from "resend";
import { env, providerName } from "@/lib/env";
import { classifySendError, type SendOutcome } from "./send-outcome";

export type OutgoingEmail = { toEmail: string; subject: string; html: string; text: string; idempotencyKey: string };
export type EmailSender = { mode: "resend" | "capture"; send: (email: OutgoingEmail, now: Date) => Promise<SendOutcome> };

// Provider id given to emails kept in the development mailbox instead of being sent (R-N8).
export const DEV_MAILBOX_ID = "dev-mailbox";

export function emailFrom(): string {
  return env().EMAIL_FROM ?? `${providerName()} Billing <onboarding@resend.dev>`;
}

// Without RESEND_API_KEY emails are kept in the development mailbox instead of sent (pages say so).
export function emailsAreCaptured(): boolean {
  return !env().RESEND_API_KEY;
}

// Without RESEND_API_KEY (the embedded default) emails are captured: marked sent with the
// dev-mailbox id and shown on /dev/mailbox. The SDK reads RESEND_BASE_URL itself (tests point it at
// a local fake); every request carries the outbox row's key as Idempotency-Key, so a retry after a
// timeout cannot send twice, and is cut off after EMAIL_SEND_TIMEOUT_MS.
export function emailSenderFromEnv(): EmailSender {
  const { RESEND_API_KEY: apiKey, EMAIL_SEND_TIMEOUT_MS: timeoutMs } = env();
  if (!apiKey) return { mode: "capture", send: async () => ({ kind: "sent", providerMessageId: DEV_MAILBOX_ID }) };
  const resend = new Resend(apiKey);
  const from = emailFrom();
  return {
    mode: "resend",
    async send(email, now) {
      const { data, error, headers } = await resend.emails.send(
        { from, to: email.toEmail, subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (data) return { kind: "sent", providerMessageId: data.id };
      return classifySendError(error ?? { statusCode: null, message: "no response" }, headers, now);
    },
  };
}
