/** The words of the messages accounts sends. */
import type { MailMessage } from './mail.ts';

/** Builds the address a person opens to use a one-time token; the web edge knows its own URLs. */
export interface TokenLinks {
  acceptInvitation(token: string): string;
  resetPassword(token: string): string;
}

const SERVICE = 'Local Vision';

function readableTime(iso: string): string {
  return `${iso.slice(0, 10)} at ${iso.slice(11, 16)} UTC`;
}

export function invitationMessage(to: string, displayName: string, link: string, expiresAt: string): MailMessage {
  return {
    kind: 'invitation',
    to,
    subject: `You have been invited to ${SERVICE}`,
    text: [
      `Dear ${displayName},`,
      '',
      `You have been invited to ${SERVICE}. To accept, choose a password at this address:`,
      '',
      link,
      '',
      `The link works once and until ${readableTime(expiresAt)}. If you did not expect this message, you can ignore it.`,
    ].join('\n'),
  };
}

export function passwordResetMessage(to: string, displayName: string, link: string, expiresAt: string): MailMessage {
  return {
    kind: 'password_reset',
    to,
    subject: `Reset your ${SERVICE} password`,
    text: [
      `Dear ${displayName},`,
      '',
      'Someone asked to reset the password for this email address. To choose a new password, open:',
      '',
      link,
      '',
      `The link works once and until ${readableTime(expiresAt)}. Choosing a new password signs you out everywhere.`,
      'If you did not ask, ignore this message: your password has not changed.',
    ].join('\n'),
  };
}
