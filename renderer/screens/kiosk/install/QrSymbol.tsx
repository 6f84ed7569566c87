/** The quiet zone a reader needs around the symbol, in modules. */
const quietZone = 4;

/** The dark modules as one SVG path, a rectangle per run of dark modules in a row. */
export function qrPath(modules: readonly string[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    for (const run of row.matchAll(/1+/g))
      parts.push(`M${run.index + quietZone} ${y + quietZone}h${run[0].length}v1h-${run[0].length}z`);
  });
  return parts.join('');
}

/** A QR symbol drawn as vector squares: sharp at any size, black on white with its quiet zone. */
export function QrSymbol({ modules, label }: { modules: readonly string[]; label: string }) {
  const side = modules.length + 2 * quietZone;
  return (
    <svg
      className="kiosk-qr"
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid="qr-symbol"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(modules)} fill="#000" />
    </svg>
  );
}
