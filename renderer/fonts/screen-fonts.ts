// The app's bundled screen fonts (see screen-fonts.css), loaded for every language once the first
// screen is painted: the first paint is not held up by faces it does not use, and a later switch
// of language finds its faces loaded.
import './screen-fonts.css';
import { preloadScreenFonts } from './preload-screen-fonts.ts';

requestAnimationFrame(() => setTimeout(() => void preloadScreenFonts(document.fonts), 0));
