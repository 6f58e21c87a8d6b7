import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

// Text for the invoice PDF in any script an account may use: Noto fonts from npm packages
// (@embedpdf/fonts-*), embedded and subset by pdfkit/fontkit, chosen per word by script, with
// right-to-left words put in visual order (a word-level bidi: enough for names, addresses and
// line descriptions; fontkit shapes Arabic and reverses the glyphs within a word).

type Doc = PDFKit.PDFDocument;
type Script = "latin" | "arabic" | "hebrew" | "cjk";
type FontName = `${Script}${"" | "-bold"}`;

const FILES: Record<FontName, [pkg: string, file: string]> = {
  latin: ["fonts-latin", "NotoSans-Regular.ttf"],
  "latin-bold": ["fonts-latin", "NotoSans-Bold.ttf"],
  arabic: ["fonts-arabic", "NotoNaskhArabic-Regular.ttf"],
  "arabic-bold": ["fonts-arabic", "NotoNaskhArabic-Bold.ttf"],
  hebrew: ["fonts-hebrew", "NotoSansHebrew-Regular.ttf"],
  "hebrew-bold": ["fonts-hebrew", "NotoSansHebrew-Bold.ttf"],
  cjk: ["fonts-jp", "NotoSansJP-Regular.otf"],
  "cjk-bold": ["fonts-jp", "NotoSansJP-Bold.otf"],
};

// Read once per process, and only when a document needs that script (the CJK font is 4.5 MB).
// Resolved from the project root, where `next start` and Vitest run: the packages' exports map
// hides their font files from require.resolve.
const fontFiles = new Map<FontName, Buffer>();
function fontFile(name: FontName): Buffer {
  let data = fontFiles.get(name);
  if (!data) {
    const [pkg, file] = FILES[name];
    data = readFileSync(path.join(process.cwd(), "node_modules", "@embedpdf", pkg, "fonts", file));
    fontFiles.set(name, data);
  }
  return data;
}

const registered = new WeakMap<Doc, Set<FontName>>();
function selectFont(doc: Doc, script: Script, bold: boolean): Doc {
  const name: FontName = bold ? `${script}-bold` : script;
  const done = registered.get(doc) ?? new Set<FontName>();
  registered.set(doc, done);
  if (!done.has(name)) {
    doc.registerFont(name, fontFile(name));
    done.add(name);
  }
  return doc.font(name);
}

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const HEBREW = /[\u0590-\u05ff\ufb1d-\ufb4f]/;
const CJK = /[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

function scriptOf(char: string): Script | null {
  if (ARABIC.test(char)) return "arabic";
  if (HEBREW.test(char)) return "hebrew";
  if (CJK.test(char)) return "cjk";
  return /\p{L}/u.test(char) ? "latin" : null;
}
const isRtl = (script: Script | null) => script === "arabic" || script === "hebrew";

type Run = { text: string; script: Script };
type Word = { runs: Run[]; rtl: boolean; width: number };

// A word split where its script changes; digits and punctuation stay with the letters before them.
function runsOf(word: string): Run[] {
  const runs: Run[] = [];
  for (const char of word) {
    const script = scriptOf(char) ?? runs.at(-1)?.script ?? "latin";
    const last = runs.at(-1);
    if (last && last.script === script) last.text += char;
    else runs.push({ text: char, script });
  }
  return runs;
}

export type TextStyle = { size: number; bold?: boolean; color?: string };
export type BoxOptions = TextStyle & { width: number; align?: "left" | "right" | "center" };

function measureWord(doc: Doc, runs: Run[], style: TextStyle): number {
  return runs.reduce((sum, run) => sum + selectFont(doc, run.script, Boolean(style.bold)).fontSize(style.size).widthOfString(run.text), 0);
}

// Paragraphs (split at newlines) broken into lines of words that fit `width`.
function layout(doc: Doc, text: string, options: BoxOptions) {
  const space = selectFont(doc, "latin", Boolean(options.bold)).fontSize(options.size).widthOfString(" ");
  return text.split("\n").map((paragraph) => {
    const words: Word[] = paragraph
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => {
        const runs = runsOf(w);
        return { runs, rtl: runs.some((r) => isRtl(r.script)), width: measureWord(doc, runs, options) };
      });
    const firstStrong = [...paragraph].map(scriptOf).find((s) => s !== null) ?? null;
    const lines: Word[][] = [[]];
    let lineWidth = 0;
    for (const word of words) {
      const current = lines.at(-1)!;
      const needed = current.length ? lineWidth + space + word.width : word.width;
      if (current.length && needed > options.width) {
        lines.push([word]);
        lineWidth = word.width;
      } else {
        current.push(word);
        lineWidth = needed;
      }
    }
    return { rtl: isRtl(firstStrong), lines, space };
  });
}

// Visual order of one line: in a right-to-left paragraph the words run from the right, keeping
// embedded left-to-right stretches (numbers, Latin names) in their own order; and the reverse.
function visualOrder(words: Word[], rtlParagraph: boolean): Word[] {
  const groups: Word[][] = [];
  for (const word of words) {
    const last = groups.at(-1);
    if (last && last[0].rtl === word.rtl) last.push(word);
    else groups.push([word]);
  }
  const ordered = rtlParagraph ? groups.reverse() : groups;
  return ordered.flatMap((group) => (group[0].rtl ? [...group].reverse() : group));
}

const lineHeight = (size: number) => size * 1.45;

// Height `text` takes in a box of `options.width`.
export function measureText(doc: Doc, text: string, options: BoxOptions): number {
  return layout(doc, text, options).reduce((sum, p) => sum + Math.max(p.lines.length, 1), 0) * lineHeight(options.size);
}

// Draws `text` in a box at (x, y); right-to-left paragraphs align right unless told otherwise.
// Returns the height used.
export function drawText(doc: Doc, text: string, x: number, y: number, options: BoxOptions): number {
  let top = y;
  for (const paragraph of layout(doc, text, options)) {
    for (const line of paragraph.lines) {
      const words = visualOrder(line, paragraph.rtl);
      const used = words.reduce((sum, w) => sum + w.width, 0) + Math.max(words.length - 1, 0) * paragraph.space;
      const align = options.align ?? (paragraph.rtl ? "right" : "left");
      let left = align === "right" ? x + options.width - used : align === "center" ? x + (options.width - used) / 2 : x;
      const baseline = top + options.size * 1.1;
      for (const word of words) {
        let wordLeft = left;
        for (const run of word.rtl ? [...word.runs].reverse() : word.runs) {
          const font = selectFont(doc, run.script, Boolean(options.bold))
            .fontSize(options.size)
            .fillColor(options.color ?? "#0f172a");
          font.text(run.text, wordLeft, baseline, { lineBreak: false, baseline: "alphabetic" });
          wordLeft += doc.widthOfString(run.text);
        }
        left += word.width + paragraph.space;
      }
      top += lineHeight(options.size);
    }
  }
  return top - y;
}
