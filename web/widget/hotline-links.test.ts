import { describe, expect, it } from 'vitest';
import { safeWebUrl, smsHref, telHref } from './hotline-links.js';

describe('hotline links', () => {
  it('makes dialable tel: links', () => {
    expect(telHref('1-800-799-7233')).toBe('tel:+18007997233');
    expect(telHref('911')).toBe('tel:911');
    expect(telHref('988')).toBe('tel:988');
  });

  it('reads "Text START to 88788" as an sms: link', () => {
    expect(smsHref('Text START to 88788')).toBe('sms:88788?&body=START');
    expect(smsHref('Call or text 988')).toBeUndefined();
  });

  it('only lets web URLs become links', () => {
    expect(safeWebUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeWebUrl('thehotline.org')).toBe('https://thehotline.org/');
    expect(safeWebUrl('/staff#section=a', 'http://127.0.0.1:9/widget.js')).toBe('http://127.0.0.1:9/staff#section=a');
  });
});
