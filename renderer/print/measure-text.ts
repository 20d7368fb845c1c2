/** Text widths for the layout, measured with the fonts the page prints with (they must be loaded first). */
export const LABEL_FONT_PX = 11;
export const FONT_STACK = "'Noto Sans', 'Noto Sans Arabic', sans-serif";

export function canvasMeasure(font = `400 ${LABEL_FONT_PX}px ${FONT_STACK}`): (text: string) => number {
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
    [`400 ${LABEL_FONT_PX}px 'Noto Sans Arabic'`, 'عربي'],
    [`700 ${LABEL_FONT_PX}px 'Noto Sans Arabic'`, 'عربي'],
  ];
  await Promise.all(probes.map(([font, text]) => document.fonts.load(font, text).catch(() => [])));
}
