/** `count` invented words, numbered so that each is findable: `w1 w2 …` (or with another prefix). */
export function words(count: number, prefix = 'w'): string {
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`).join(' ');
}
