import type { HeaderExplanation } from './types';
import { formatSeconds, listInWords, splitList } from './words';

const NOT_FOR_APIS = 'It guards pages shown in a browser; it changes nothing for API calls.';

export function explainStrictTransportSecurity(name: string, value: string): HeaderExplanation {
  const parts = value.split(';').map((part) => part.trim().toLowerCase());
  const maxAge = /max-age="?(\d+)"?/i.exec(value)?.[1];
  const details: string[] = [];
  if (parts.includes('includesubdomains')) details.push('includeSubDomains: every subdomain too.');
  if (parts.includes('preload')) details.push("preload: asks to be built into browsers' HTTPS-only list.");
  let summary: string;
  if (maxAge === undefined) summary = 'No max-age, so browsers ignore this header.';
  else if (maxAge === '0') summary = 'max-age=0: browsers forget any HTTPS-only rule for this host.';
  else summary = `Browsers must use HTTPS only for this host for ${formatSeconds(Number(maxAge))}.`;
  details.push('HTTP clients such as Lantern do not apply it: an http:// URL is still sent over plain HTTP.');
  return { name, title: 'HTTPS only (HSTS)', summary, details, category: 'security' };
}

export function explainContentTypeOptions(name: string, value: string): HeaderExplanation {
  const nosniff = value.trim().toLowerCase() === 'nosniff';
  return {
    name,
    title: 'No type sniffing',
    summary: nosniff
      ? 'Browsers must trust Content-Type and not guess the type from the body.'
      : `"${value}" is not a recognised value; only nosniff means anything.`,
    details: [NOT_FOR_APIS],
    category: 'security',
  };
}

export function explainFrameOptions(name: string, value: string): HeaderExplanation {
  const mode = value.trim().toUpperCase();
  const summary =
    mode === 'DENY'
      ? 'No site, not even this one, may show it inside a frame.'
      : mode === 'SAMEORIGIN'
        ? 'Only pages from this same site may show it inside a frame.'
        : mode.startsWith('ALLOW-FROM')
          ? 'ALLOW-FROM is obsolete; modern browsers ignore it (use CSP frame-ancestors).'
          : `"${value}" is not a recognised value.`;
  return { name, title: 'Framing', summary, details: [NOT_FOR_APIS], category: 'security' };
}

export function explainContentSecurityPolicy(name: string, value: string): HeaderExplanation {
  const directives = value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  const names = directives.map((directive) => directive.split(/\s+/)[0] ?? '');
  const reportOnly = name.toLowerCase().endsWith('-report-only');
  return {
    name,
    title: reportOnly ? 'Content Security Policy (report only)' : 'Content Security Policy',
    summary: `${reportOnly ? 'Reports, without blocking,' : 'Limits'} what a page from this response may load or run: ${directives.length} rule${directives.length === 1 ? '' : 's'} (${listInWords(names.slice(0, 6))}${names.length > 6 ? ', …' : ''}).`,
    details: [...directives, NOT_FOR_APIS],
    category: 'security',
  };
}

export function explainReferrerPolicy(name: string, value: string): HeaderExplanation {
  return {
    name,
    title: 'Referrer policy',
    summary: `Browsers following links from this page send a Referer according to ${listInWords(splitList(value))}.`,
    details: [NOT_FOR_APIS],
    category: 'security',
  };
}

export function explainXssProtection(name: string, value: string): HeaderExplanation {
  return {
    name,
    title: 'Legacy XSS filter',
    summary: `"${value}" configures a filter that current browsers have removed; it has no effect.`,
    details: [NOT_FOR_APIS],
    category: 'security',
  };
}

export function explainPermissionsPolicy(name: string, value: string): HeaderExplanation {
  const features = splitList(value).map((item) => item.split('=')[0] ?? item);
  return {
    name,
    title: 'Browser features',
    summary: `Limits which browser features (${listInWords(features.slice(0, 6))}${features.length > 6 ? ', …' : ''}) a page may use.`,
    details: [NOT_FOR_APIS],
    category: 'security',
  };
}
