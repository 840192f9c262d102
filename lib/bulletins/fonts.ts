import path from "node:path";
import { Font } from "@react-pdf/renderer";

/** The font family registered for bulletins: Noto Sans SC covers Chinese and Latin text. */
export const BULLETIN_FONT = "NotoSansSC";

const FONT_DIR = ["node_modules", "@expo-google-fonts", "noto-sans-sc"];

/**
 * The TTF files ship in an npm package, so nothing is fetched at run time. Resolved from the
 * working directory (the app's root under `npm start`, tests and the worker), not through the
 * bundler, which would turn a module resolution into a numeric id; next.config.js traces the
 * files into the build output.
 */
export function fontFile(weight: "400Regular" | "700Bold"): string {
  return path.join(
    /* turbopackIgnore: true */ process.cwd(),
    ...FONT_DIR,
    weight,
    `NotoSansSC_${weight}.ttf`,
  );
}

let registered = false;

/** Registers the font once; react-pdf embeds only the glyphs a document uses (a subset). */
export function registerBulletinFonts(): void {
  if (registered) return;
  Font.register({
    family: BULLETIN_FONT,
    fonts: [
      { src: fontFile("400Regular"), fontWeight: 400 },
      { src: fontFile("700Bold"), fontWeight: 700 },
    ],
  });
  // Chinese has no spaces: break lines between any two characters rather than hyphenating.
  Font.registerHyphenationCallback((word) =>
    /[\u3000-\u9fff\uff00-\uffef]/.test(word) ? Array.from(word).flatMap((c) => [c, ""]) : [word],
  );
  registered = true;
}
