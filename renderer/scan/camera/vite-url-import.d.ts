// Vite's `?url` import of an asset: the URL of the file it emits into the build.
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
