import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, textWidth, truncateToWidth } from '../src/layout/text-metrics.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH ?? ''].find((p) => p !== '' && existsSync(p));

const SAMPLES = [
    'orders-dlq.fifo', 'SQS FIFO queue', 'visibility 30s · wait 20s', 'eventType ∈ {order_placed, order_updated};',
    'https://hooks.example.com/orders', 'WWWWWWMMMM', 'iiiiillll111', '2..20 instances · 200ms–800ms',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz0123456789', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
];
const FONTS = [{ size: 13, bold: true }, { size: 11, bold: false }, { size: 9, bold: true }];

describe('text metrics', () => {
    it('is deterministic, additive and grows with font size and weight', () => {
        expect(textWidth('shipping', { size: 11 })).toBe(textWidth('shipping', { size: 11 }));
        expect(textWidth('', { size: 11 })).toBe(0);
        expect(textWidth('WWW', { size: 11 })).toBeGreaterThan(textWidth('iii', { size: 11 }));
        expect(textWidth('shipping', { size: 13 })).toBeGreaterThan(textWidth('shipping', { size: 11 }));
        expect(textWidth('shipping', { size: 11, bold: true })).toBeGreaterThan(textWidth('shipping', { size: 11 }));
        expect(textWidth('注文キュー', { size: 10 })).toBe(52);
    });

    it('truncates with an ellipsis to fit a width', () => {
        const font = { size: 11 };
        const cut = truncateToWidth('a-very-long-queue-name-that-does-not-fit', 100, font);
        expect(cut.endsWith('…')).toBe(true);
        expect(textWidth(cut, font)).toBeLessThanOrEqual(100);
        expect(textWidth(cut.slice(0, -1) + 'xx…', font)).toBeGreaterThan(100);
        expect(truncateToWidth('short', 100, font)).toBe('short');
        expect(truncateToWidth('🚀🚀🚀🚀🚀🚀', 30, font)).toBe('🚀…'); // never splits a surrogate pair
    });

    // The estimate must never be narrower than what a browser draws (text would overflow its node),
    // and not much wider (nodes would look empty).
    it.skipIf(CHROMIUM === undefined)('matches Chromium\'s measurements of the diagram font within +0..12%', async () => {
        const { chromium } = await import('playwright-core');
        const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
        try {
            const page = await browser.newPage();
            for (const font of FONTS) {
                const css = `${font.bold ? 'bold ' : ''}${font.size}px ${FONT_FAMILY}`;
                const measured = await page.evaluate(({ samples, css }) => {
                    const context = document.createElement('canvas').getContext('2d')!;
                    context.font = css;
                    return samples.map((text) => context.measureText(text).width);
                }, { samples: SAMPLES, css });
                SAMPLES.forEach((text, i) => {
                    const ratio = textWidth(text, font) / measured[i];
                    expect(ratio, `${css}: ${text}`).toBeGreaterThanOrEqual(1);
                    expect(ratio, `${css}: ${text}`).toBeLessThanOrEqual(1.12);
                });
            }
        } finally {
            await browser.close();
        }
    }, 60_000);
});
