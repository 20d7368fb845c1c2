/**
 * Text widths for the layout, measured with the fonts the page prints with (they must be loaded first). The stacks
 * equal print.css's `--font` (a unit test keeps them equal): labels are cut to the measured width, so a different
 * font here would make them overrun or stop short.
 */
export const LABEL_FONT_PX = 11;
export const NUMBER_FONT_PX = 8.5;
/** Arabic is set in Amiri (see main.tsx); one Arabic face, so the PDF embeds one Arabic font. */
export const FONT_STACK = "'Noto Sans', 'Amiri', sans-serif";
export const LABEL_FONT = `400 ${LABEL_FONT_PX}px ${FONT_STACK}`;
export const NUMBER_FONT = `700 ${NUMBER_FONT_PX}px ${FONT_STACK}`;
/** A note's source line (print.css `.note`, `.src-title`). */
export const SOURCE_FONT = `400 10px ${FONT_STACK}`;
export const SOURCE_TITLE_FONT = `italic 400 10px ${FONT_STACK}`;

export function canvasMeasure(font = LABEL_FONT): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (text) => text.length * LABEL_FONT_PX * 0.6;
  ctx.font = font;
  const cache = new Map<string, number>();
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      w = ctx.measureText(text).width;
      cache.set(text, w);
    }
    return w;
  };
}

/**
 * @font-face fonts load lazily, when text first needs them; measuring before that would use a fallback font's
 * widths. Ask for every face the page uses (Latin, Latin Extended and Arabic, regular and bold) up front.
 */
export async function loadPrintFonts(): Promise<void> {
  const probes: Array<[string, string]> = [
    [`400 ${LABEL_FONT_PX}px 'Noto Sans'`, 'Aa'],
    [`700 ${LABEL_FONT_PX}px 'Noto Sans'`, 'Aa'],
    [`400 ${LABEL_FONT_PX}px 'Noto Sans'`, 'ĀčŁő'],
    [`700 ${LABEL_FONT_PX}px 'Noto Sans'`, 'ĀčŁő'],
    [`400 ${LABEL_FONT_PX}px 'Amiri'`, 'عربي'],
    [`700 ${LABEL_FONT_PX}px 'Amiri'`, 'عربي'],
  ];
  await Promise.all(probes.map(([font, text]) => document.fonts.load(font, text).catch(() => [])));
}
