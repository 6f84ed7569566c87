// Types of layering-rule.js for the TypeScript test next to it (tsconfig.node.json checks no .js).
import type { Rule } from 'eslint';

export declare const layeringRule: Rule.RuleModule;
export default layeringRule;
