import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { lockAccount } from "@/lib/access/admin-guard";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { createUser } from "@/lib/accounts/create-user";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { viewerActor } from "@/lib/audit/viewer-actor";
import { formatInstant } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { parseId, parseInput } from "@/lib/validation";
import { renderInvitationEmail } from "./invitation-email";
import { issueInvitation } from "./invitation-token";
import { findAccountRoles, findAccountUser } from "./user-rows";
import { inviteUserSchema } from "./user-schemas";

export type Invitation = { userId: string; email: string; inviteUrl: string; expiresAt: Date };

// Issues the token and writes the email to the outbox in the caller's transaction.
async function sendInvitation(tx: Db, viewer: Viewer, invitee: { id: string; name: string; email: string }, now: Date): Promise<Invitation> {
  const invitation = await issueInvitation(tx, { accountId: viewer.accountId, userId: invitee.id }, now);
  const email = renderInvitationEmail({
    inviteeName: invitee.name,
    inviterName: viewer.name,
    accountName: viewer.account.name,
    url: invitation.url,
    expiresOn: formatInstant(invitation.expiresAt, viewer.account.locale, viewer.account.timeZone),
  });
  await enqueueEmail(tx, { accountId: viewer.accountId, userId: invitee.id, to: invitee.email, ...email, idempotencyKey: `invite:${invitation.id}` });
  return { userId: invitee.id, email: invitee.email, inviteUrl: invitation.url, expiresAt: invitation.expiresAt };
}

// Invites a person into the viewer's account: a user without a password, holding the chosen
// roles, and an email with a one-time link that expires in 7 days.
export async function inviteUser(viewer: Viewer, input: { name: unknown; email: unknown; roleIds: unknown }, origin: RequestOrigin, now: Date): Promise<Invitation> {
  requirePermission(viewer, "users.manage");
  const { name, email, roleIds } = parseInput(inviteUserSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    const roles = await findAccountRoles(tx, viewer, roleIds);
    // Note: only this account's users are looked at. Whether the address has a login in another
    // account (or is an operator's) is not revealed here: that invitation is refused when accepted.
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.accountId, viewer.accountId), eq(users.email, email)));
    if (existing) throw new AppError("invalid", "Check the highlighted fields.", { fieldErrors: { email: ["This person is already a user of this account."] } });
    const user = await createUser(tx, { accountId: viewer.accountId, email, name, passwordHash: null, roleIds: roles.map((r) => r.id) });
    const invitation = await sendInvitation(tx, viewer, user, now);
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "user.invited",
      target: { type: "user", id: user.id },
      details: { email, roles: roles.map((r) => r.name).sort() },
      origin,
    });
    return invitation;
  });
}

// Sends a new invitation link to someone who has not accepted yet; earlier links stop working.
export async function resendInvitation(viewer: Viewer, userId: string, origin: RequestOrigin, now: Date): Promise<Invitation> {
  requirePermission(viewer, "users.manage");
  const id = parseId(userId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockAccount(tx, viewer.accountId);
    const user = await findAccountUser(tx, viewer, id);
    if (user.hasPassword) throw new AppError("conflict", `${user.name} has already accepted the invitation.`);
    if (user.disabledAt) throw new AppError("conflict", `${user.name} is disabled. Enable the user before sending a new invitation.`);
    const invitation = await sendInvitation(tx, viewer, user, now);
    await recordAuditEvent(tx, {
      accountId: viewer.accountId,
      actor: viewerActor(viewer),
      action: "user.invitation_resent",
      target: { type: "user", id: user.id },
      details: { email: user.email },
      origin,
    });
    return invitation;
  });
}
