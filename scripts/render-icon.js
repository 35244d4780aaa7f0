// Renders media/icon.svg to media/icon.png (256 × 256, transparent corners) with headless
// Chromium, the browser the end-to-end tests already use (Debian's `chromium`; CHROMIUM=PATH for
// another). Run after editing the SVG: `npm run icon`.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const media = path.resolve(__dirname, '..', 'media');
const SIZE = 256;

async function main() {
  const svg = fs.readFileSync(path.join(media, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(media, 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
  }
  console.log(`wrote media/icon.png (${SIZE} × ${SIZE}) from media/icon.svg`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
