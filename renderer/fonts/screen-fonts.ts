// The app's bundled screen fonts (see screen-fonts.css), loaded for every language once the first
// screen is painted: the first paint is not held up by faces it does not use, and a later switch
// of language finds its faces loaded.
import './screen-fonts.css';
import { preloadScreenFonts } from './preload-screen-fonts.ts';

// When the browser is idle, not at the first frame: that frame is the start-up placeholder, and
// twelve font requests then would queue the start-up's own API calls behind them (≈ 150 ms at a
// kiosk's start). The timeout bounds the wait on a page that is never idle.
const whenIdle = (run: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 500);
requestAnimationFrame(() => whenIdle(() => void preloadScreenFonts(document.fonts)));
