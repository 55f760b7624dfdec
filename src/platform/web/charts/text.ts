/**
 * Text sizes. With no DOM there is no way to measure text, so widths are estimated from the number of
 * characters; the estimate is generous, so labels get a little more room than they need.
 */
export const FONT_SIZE = 14;
const AVERAGE_CHARACTER_WIDTH = 0.6;

export function textWidth(text: string, fontSize = FONT_SIZE): number {
  return Math.ceil([...text].length * fontSize * AVERAGE_CHARACTER_WIDTH);
}
