import "server-only";
import nodemailer from "nodemailer";
import { getDb } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";

const MAX_ATTEMPTS = 5;

/**
 * Sends pending outbox e-mails when SMTP_URL is configured (e.g. smtp://user:pass@mail.internal:25,
 * with MAIL_FROM). Without SMTP the rows simply wait: the product works without e-mail.
 */
export async function sendOutbox(options: { limit?: number } = {}) {
  const { SMTP_URL: smtpUrl, MAIL_FROM: from } = serverEnv();
  if (!smtpUrl) return { sent: 0, failed: 0, skipped: true };
  const transport = nodemailer.createTransport(smtpUrl);
  const db = getDb();
  const pending = await db.emailOutbox.findMany({
    where: { status: "PENDING", attempts: { lt: MAX_ATTEMPTS } },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 100,
  });
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    try {
      await transport.sendMail({
        from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.body,
      });
      await db.emailOutbox.update({
        where: { id: mail.id },
        data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } },
      });
      sent += 1;
    } catch (error) {
      const attempts = mail.attempts + 1;
      await db.emailOutbox.update({
        where: { id: mail.id },
        data: {
          attempts,
          lastError: String(error).slice(0, 500),
          status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
        },
      });
      failed += 1;
    }
  }
  return { sent, failed, skipped: false };
}
