import { providerName } from "@/lib/env";

export type InvitationEmailInput = { inviteeName: string; inviterName: string; accountName: string; url: string; expiresOn: string };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

// The invitation email: plain text and a simple HTML version with the same content.
export function renderInvitationEmail(input: InvitationEmailInput): { subject: string; html: string; text: string } {
  const provider = providerName();
  const subject = `${input.inviterName} invited you to ${input.accountName} billing on ${provider}`;
  const text = [
    `Hello ${input.inviteeName},`,
    "",
    `${input.inviterName} invited you to see ${input.accountName}'s invoices and payments on ${provider}.`,
    "",
    "Choose your password here to accept the invitation:",
    input.url,
    "",
    `The link works once and expires on ${input.expiresOn}. If you weren't expecting this email, you can ignore it.`,
  ].join("\n");
  const e = { ...input, provider } as Record<string, string>;
  for (const key of Object.keys(e)) e[key] = escapeHtml(e[key]);
  const html = `<!doctype html>
<html lang="en"><body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#0f172a;background:#f8fafc;margin:0;padding:24px">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px"><tr><td style="padding:24px">
<p style="margin:0 0 16px;font-weight:600;color:#1c3fa3">${e.provider}</p>
<p>Hello ${e.inviteeName},</p>
<p>${e.inviterName} invited you to see ${e.accountName}'s invoices and payments on ${e.provider}.</p>
<p style="margin:24px 0"><a href="${e.url}" style="background:#2450c8;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">Choose your password</a></p>
<p style="font-size:14px;color:#475569">Or open this link: <a href="${e.url}">${e.url}</a></p>
<p style="font-size:14px;color:#475569">The link works once and expires on ${e.expiresOn}. If you weren't expecting this email, you can ignore it.</p>
</td></tr></table></body></html>`;
  return { subject, html, text };
}
