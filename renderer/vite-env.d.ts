// Vite turns `import './styles.css'` into a stylesheet in the build.
declare module '*.css';
