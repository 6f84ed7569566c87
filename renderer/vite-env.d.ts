// Vite turns `import './styles.css'` into a stylesheet in the build.
declare module '*.css';

// Vite's `?url` import of a script file (pdf.js's worker): the URL of the file it emits.
declare module '*.mjs?url' {
  const url: string;
  export default url;
}
