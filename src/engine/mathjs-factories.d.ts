// mathjs ships its factory functions (for custom bundles) without type declarations.
// Only the ones mathjs-parse.ts builds the parser from are declared here.
import 'mathjs';

declare module 'mathjs' {
  /** A mathjs factory: builds one function or class from the dependencies it names. */
  type Factory = (dependencies: Readonly<Record<string, unknown>>) => unknown;

  export const createTyped: Factory;
  export const createNumber: Factory;
  export const createNumeric: Factory;
  export const createNode: Factory;
  export const createAccessorNode: Factory;
  export const createArrayNode: Factory;
  export const createAssignmentNode: Factory;
  export const createBlockNode: Factory;
  export const createConditionalNode: Factory;
  export const createConstantNode: Factory;
  export const createFunctionAssignmentNode: Factory;
  export const createFunctionNode: Factory;
  export const createIndexNode: Factory;
  export const createObjectNode: Factory;
  export const createOperatorNode: Factory;
  export const createParenthesisNode: Factory;
  export const createRangeNode: Factory;
  export const createRelationalNode: Factory;
  export const createSymbolNode: Factory;
  export const createParse: Factory;
}
