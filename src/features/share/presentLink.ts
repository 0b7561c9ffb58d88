import { hashWithPresentFlag } from '../present/presentFlag';

/** A share link that opens in presenter mode: `#s=1.…&present`, the share parameter kept whole. */
export function withPresentFlag(link: string): string {
  const hashAt = link.indexOf('#');
  if (hashAt === -1) return `${link}${hashWithPresentFlag('')}`;
  return `${link.slice(0, hashAt)}${hashWithPresentFlag(link.slice(hashAt))}`;
}
