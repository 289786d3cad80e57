/** SVG files bundled as text (imported `with { type: 'text' }`, which esbuild bundles as strings). */
declare module '*.svg' {
  const text: string;
  export default text;
}
