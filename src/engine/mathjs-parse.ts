import {
  createAccessorNode,
  createArrayNode,
  createAssignmentNode,
  createBlockNode,
  createConditionalNode,
  createConstantNode,
  createFunctionAssignmentNode,
  createFunctionNode,
  createIndexNode,
  createNode,
  createNumber,
  createNumeric,
  createObjectNode,
  createOperatorNode,
  createParenthesisNode,
  createParse,
  createRangeNode,
  createRelationalNode,
  createSymbolNode,
  createTyped,
  type MathNode,
} from 'mathjs';

// mathjs's own parser, built from its factories with only what parsing needs. create({ parseDependencies })
// would also build units, matrices, BigNumber, Fraction and Complex (about 55 KB gzip more at start),
// because the node classes can evaluate themselves. Formulas are never evaluated by mathjs (compile.ts
// compiles the checked tree), so what only evaluation or LaTeX output would call is left out and throws.
const unavailable = (): never => {
  throw new Error('mathjs evaluation is not built: formulas are compiled by compile.ts');
};

const typed = createTyped({});
const numeric = createNumeric({ number: createNumber({ typed }) });
const math = Object.freeze({});
const Node = createNode({ mathWithTransform: math });
const base = {
  typed,
  Node,
  math,
  subset: unavailable,
  matrix: unavailable,
  size: unavailable,
  isBounded: unavailable,
  ResultSet: unavailable,
};
const SymbolNode = createSymbolNode(base);
const nodes = { ...base, SymbolNode };

/** Parses an expression with mathjs's grammar; throws mathjs's SyntaxError (with `char`) on bad input. */
export const parseMath = createParse({
  typed,
  numeric,
  config: Object.freeze({ number: 'number' }),
  SymbolNode,
  AccessorNode: createAccessorNode(nodes),
  ArrayNode: createArrayNode(nodes),
  AssignmentNode: createAssignmentNode(nodes),
  BlockNode: createBlockNode(nodes),
  ConditionalNode: createConditionalNode(nodes),
  ConstantNode: createConstantNode(nodes),
  FunctionAssignmentNode: createFunctionAssignmentNode(nodes),
  FunctionNode: createFunctionNode(nodes),
  IndexNode: createIndexNode(nodes),
  ObjectNode: createObjectNode(nodes),
  OperatorNode: createOperatorNode(nodes),
  ParenthesisNode: createParenthesisNode(nodes),
  RangeNode: createRangeNode(nodes),
  RelationalNode: createRelationalNode(nodes),
}) as (expression: string) => MathNode;
