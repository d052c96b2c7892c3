// E-mail to people (tenant admins) through SMTP, when SMTP_URL is configured.
import nodemailer from 'nodemailer';
import type { MailConfig } from '../config/index.js';

export interface Mailer {
  /** Sends one message; returns false when no SMTP server is configured. */
  send(message: { to: string[]; subject: string; text: string }): Promise<boolean>;
}

export function createMailer(config: MailConfig): Mailer {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  return {
    async send(message) {
      if (!transport || message.to.length === 0) return false;
      await transport.sendMail({ from: config.from, ...message });
      return true;
    },
  };
}
