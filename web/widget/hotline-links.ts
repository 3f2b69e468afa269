import type { Hotline } from '../shared/types.js';

/** A phone number as a tel: URL: "1-800-799-7233" -> "tel:+18007997233", "911" -> "tel:911". */
export function telHref(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) return `tel:+${digits}`;
  if (digits.length === 10) return `tel:+1${digits}`;
  return `tel:${digits}`;
}

/** An sms: URL for texts written as "Text START to 88788", or undefined when the wording is different. */
export function smsHref(instruction: string): string | undefined {
  const match = /text\s+(\w+)\s+to\s+(\d{3,})/i.exec(instruction);
  return match ? `sms:${match[2]}?&body=${encodeURIComponent(match[1] ?? '')}` : undefined;
}

/** True for the emergency-services entry, which the widget always shows on its own. */
export function isEmergencyNumber(hotline: Hotline): boolean {
  return (hotline.phone ?? '').replace(/\D/g, '') === '911';
}

/** Only web links may become hrefs; anything else in data (javascript:, data:) stays text. */
export function safeWebUrl(url: string | null | undefined, base?: string): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.includes('://') || url.startsWith('/') ? url : `https://${url}`, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
