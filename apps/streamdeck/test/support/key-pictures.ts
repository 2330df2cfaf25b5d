// draws what the test host says a key or a touch strip shows, the way the Stream Deck app shows it, and saves
// a picture of a row of them for the README. it draws only what it is given: no network, no other images
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Browser } from "playwright-core";
import type { DialFace, DialItem, KeyFace } from "./stream-deck-host.js";

/** one key or touch strip in a row, with a few words under it naming its state */
export type Captioned<T> = { caption: string; face: T };

/** a key's side in CSS pixels: a Stream Deck key is 72 × 72 (144 × 144 on a 2x screen) */
const KEY = 72;
/** one dial's part of the Stream Deck + touch strip */
const STRIP = { width: 200, height: 100 };
/** the app's system font, then what a Linux test machine has */
const FONT = `-apple-system, "SF Pro Text", "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif`;

function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** the app draws a title in its colour with a thin dark outline, so it reads on any picture */
const OUTLINE = [
  [-1, -1],
  [1, -1],
  [-1, 1],
  [1, 1],
  [0, -1],
  [0, 1],
  [-1, 0],
  [1, 0],
]
  .map(([x, y]) => `${x}px ${y}px 0 #000`)
  .concat("0 0 2px #000")
  .join(", ");

function page(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    html, body { margin: 0; background: #111214; }
    #row { display: inline-flex; align-items: flex-start; gap: 12px; padding: 14px 16px 10px; background: #1C1D20; }
    .slot { display: flex; flex-direction: column; align-items: center; gap: 7px; }
    .key { position: relative; width: ${KEY}px; height: ${KEY}px; border-radius: 12px; overflow: hidden;
      background: #000; box-shadow: 0 0 0 1px #34363B; }
    .key > img { position: absolute; inset: 0; width: 100%; height: 100%; }
    .title { position: absolute; left: 1px; right: 1px; text-align: center; white-space: pre; line-height: 1.15;
      font-family: ${FONT}; text-shadow: ${OUTLINE}; }
    .title.top { top: 4px; }
    .title.middle { top: 50%; transform: translateY(-50%); }
    .title.bottom { bottom: 4px; }
    .strip { position: relative; width: ${STRIP.width}px; height: ${STRIP.height}px; border-radius: 8px; overflow: hidden;
      background: #000; box-shadow: 0 0 0 1px #34363B; font-family: ${FONT}; }
    .strip > * { position: absolute; box-sizing: border-box; }
    .strip > .text { white-space: nowrap; overflow: hidden; }
    .caption { font: 11px/1.25 ${FONT}; color: #A9ABB0; text-align: center; white-space: nowrap; }
  </style></head><body><div id="row">${body}</div></body></html>`;
}

function slot(inner: string, caption: string): string {
  return `<div class="slot">${inner}<div class="caption">${escapeHtml(caption)}</div></div>`;
}

/** a key: its picture filling the rounded square, the title over it where the manifest puts it */
function keyHtml(face: KeyFace): string {
  const title =
    face.showTitle && face.title
      ? `<div class="title ${face.titleAlignment}" style="font-size:${face.fontSize}px;color:${escapeHtml(face.titleColor)}">${escapeHtml(face.title)}</div>`
      : "";
  return `<div class="key"><img alt="" src="${escapeHtml(face.image)}">${title}</div>`;
}

/** one layout item at its rect: text (font, colour, alignment, ellipsis) or a pixmap */
function itemHtml(item: DialItem): string {
  if (item.enabled === false) return "";
  const [x, y, width, height] = item.rect;
  const box = [
    `left:${x}px`,
    `top:${y}px`,
    `width:${width}px`,
    `height:${height}px`,
    item.opacity === undefined ? "" : `opacity:${Number(item.opacity)}`,
    item.background ? `background:${escapeHtml(String(item.background))}` : "",
  ];
  if (item.type === "pixmap") {
    return item.value ? `<img alt="" src="${escapeHtml(String(item.value))}" style="${box.join(";")}">` : "";
  }
  if (item.type !== "text") throw new Error(`a ${item.type} item (${item.key}) is not drawn yet: add it to itemHtml`);
  const style = [
    ...box,
    `line-height:${height}px`,
    `font-size:${Number(item.font?.size ?? 16)}px`,
    `font-weight:${Number(item.font?.weight ?? 400)}`,
    `color:${escapeHtml(String(item.color ?? "#FFFFFF"))}`,
    `text-align:${escapeHtml(String(item.alignment ?? "center"))}`,
    `text-overflow:${item["text-overflow"] === "ellipsis" ? "ellipsis" : "clip"}`,
  ];
  return `<div class="text" style="${style.join(";")}">${escapeHtml(String(item.value ?? ""))}</div>`;
}

/** a page with a row of keys, each with its caption */
export function keyRowHtml(keys: Captioned<KeyFace>[]): string {
  return page(keys.map(({ face, caption }) => slot(keyHtml(face), caption)).join(""));
}

/** a page with a row of touch-strip segments, each with its caption */
export function dialRowHtml(dials: Captioned<DialFace>[]): string {
  return page(
    dials
      .map(({ face, caption }) => slot(`<div class="strip">${face.items.map(itemHtml).join("")}</div>`, caption))
      .join(""),
  );
}

/**
 * loads the page offline in its own browser context and saves a picture of the row; fails when the page asked
 * for anything (every picture is inline) or an image did not load
 */
export async function screenshotRow(
  browser: Browser,
  html: string,
  path: string,
  deviceScaleFactor: 1 | 2 = 2,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 300 }, deviceScaleFactor });
  try {
    await context.setOffline(true);
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith("data:")) requested.push(request.url());
    });
    await page.setContent(html, { waitUntil: "load" });
    const broken = await page.evaluate(async () => {
      await document.fonts.ready;
      const images = Array.from(document.images);
      await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
      return images.filter((image) => !image.complete || image.naturalWidth === 0).length;
    });
    if (broken > 0) throw new Error(`${broken} image(s) on the page did not load`);
    if (requested.length > 0) throw new Error(`the page asked for ${requested.join(", ")}`);
    mkdirSync(dirname(path), { recursive: true });
    await page.locator("#row").screenshot({ path, animations: "disabled" });
  } finally {
    await context.close();
  }
}
