/**
 * Small text helpers shared by the side panel and the widgets. Nothing here touches the DOM.
 */

/** A count with its noun in the right number: "1 paper", "1,204 papers" (`nouns` for an irregular plural). */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : nouns}`;
}
