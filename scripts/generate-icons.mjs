// node scripts/generate-icons.mjs — render public/icon.svg into the PNG and ICO files browsers and phones ask for,
// and the Open Graph card, with the Chromium the e2e tests use. Run it after changing the SVGs; commit the output.
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const svg = readFileSync("public/icon.svg", "utf8");
const logo = readFileSync("public/logo.svg", "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();

async function render(html, width, height) {
  await page.setViewportSize({ width, height });
  await page.setContent(`<html><body style="margin:0">${html}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width, height } });
}
const icon = (size) => render(svg.replace(/width="64" height="64"/, `width="${size}" height="${size}"`), size, size);

/** An ICO holding PNG images (supported by every browser since IE Vista): 6-byte header, 16 bytes per image, then the PNGs. */
function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size % 256, e);
    header.writeUInt8(size % 256, e + 1);
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.data)]);
}

writeFileSync("public/favicon.ico", ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await icon(size) })))));
// iOS rounds the corners itself and fills transparency with black: a full square.
writeFileSync(
  "public/apple-touch-icon.png",
  await render(svg.replace(/width="64" height="64"/, `width="180" height="180"`).replace(`rx="14"`, `rx="0"`), 180, 180),
);
writeFileSync("public/icon-192.png", await icon(192));
writeFileSync("public/icon-512.png", await icon(512));
const card = `<div style="width:1200px;height:630px;box-sizing:border-box;padding:96px;background:#eef2ff;font-family:'Liberation Sans',Arial,sans-serif;display:flex;flex-direction:column;justify-content:center;gap:40px">
  <div style="width:600px">${logo.replace(/width="300" height="64"/, 'width="600" height="128"')}</div>
  <div style="font-size:44px;line-height:1.3;color:#1e293b;max-width:960px">Configure, approve, test and deliver your organization's webhooks — signed, authenticated, rate-limited and retried.</div>
</div>`;
writeFileSync("public/og.png", await render(card, 1200, 630));
await browser.close();
console.log("wrote public/favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png, og.png");
