// What a status lookup shows of a name: the first letter of each word, the rest hidden. The person
// recognises their own registration; whoever reads over their shoulder, or scans someone else's
// lost card, learns nothing they did not already have.

export function maskName(fullName: string): string {
  return fullName
    .normalize('NFC')
    .trim()
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .map((word) => {
      const letters = Array.from(word);
      return `${letters[0]}${'*'.repeat(Math.max(letters.length - 1, 1))}`;
    })
    .join(' ');
}
