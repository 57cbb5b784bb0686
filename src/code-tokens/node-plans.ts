/**
 * What the tokeniser's walk does with each node type of a grammar, decided once per grammar
 * symbol (from node-rules.ts and library-names.ts) and kept in one table per language.
 */
import type { Language } from 'web-tree-sitter';
import type { CodeLanguage } from './language.js';
import { Declares, declaredChildren } from './library-names.js';
import { anonymousKind, declarationLike, isTypeNode, namedNodeAction, QUALIFIED_NAME, STATEMENT_PARENT, surfaceSlot, type NodeAction } from './node-rules.js';

/** What the walk does with one node type, decided once per grammar symbol. */
export interface NodePlan {
  named: boolean;
  action: NodeAction;
  /** Anonymous leaves: the token kind, or null when dropped. */
  anonymous: string | null;
  declaration: boolean;
  /** A declarator that gives its variable a value (C and C++ `init_declarator`: `= x`, `(n)` or `{...}`). */
  initialiser: boolean;
  statementParent: boolean;
  /** Anonymous leaves: the surface-mark slot, or -1. */
  surface: number;
  /** A name with a scope (`std::vector<int>`, `std::cout`): a type, and skipped, when its last part names one. */
  qualified: boolean;
  /** A node that names a type (`isTypeNode`). */
  typeName: boolean;
  /** The grammar's name of the node type (for the few rules that look at a node's children). */
  type: string;
  /** A function body's block whose declarations may build objects (C++, `constructsInBlocks`). */
  block: boolean;
  /** A class or struct body (`field_declaration_list`), whose member prototypes are read as functions. */
  classBody: boolean;
  /** `++i` / `i++` (and `--`): the operator is read after its operand whichever side it is written on. */
  update: boolean;
  /** A plain assignment, which reads as a compound one when it is `x = x op y` (`compoundForm`). */
  assignment: boolean;
  /** A binary operation (the right side `compoundForm` looks for). */
  binary: boolean;
  /** Which of its identifier children a node declares (`declaredChildren`, library-names.ts). */
  declares: Declares;
  /** An identifier leaf written as one plain name (`identifier`, `field_identifier`), not a qualified one (`std::cout`). */
  plainName: boolean;
  /** In a dropped type: 1 a type name (`type_identifier`), 2 may hold one (walk it), 0 holds none (`int`, `double`). */
  typeNames: 0 | 1 | 2;
}

/** Type nodes that never hold a type name (built-in types): not walked for library names. */
const NO_TYPE_NAMES = /^(integral_type|floating_point_type|boolean_type|void_type|primitive_type|predefined_type|dimensions|sized_type_specifier|unit_type)$/;

/** Plans per language name (each language has exactly one grammar). */
const plans = new Map<string, (NodePlan | undefined)[]>();

export function planTable(lang: CodeLanguage, language: Language): (NodePlan | undefined)[] {
  let table = plans.get(lang.name);
  if (!table) {
    // One slot per symbol from the start, and ERROR (symbol 65535) kept apart (outOfRange): an
    // array filled as the walk met symbols turned sparse at the first syntax error, and that
    // change of its map threw the optimised walk back (a deoptimisation and a second compile).
    table = new Array<NodePlan | undefined>(language.nodeTypeCount).fill(undefined);
    plans.set(lang.name, table);
  }
  return table;
}

/** Plans of symbols beyond the grammar's node types (tree-sitter's ERROR), per language. */
const outOfRange = new Map<(NodePlan | undefined)[], Map<number, NodePlan>>();

export function planFor(table: (NodePlan | undefined)[], language: Language, lang: CodeLanguage, id: number): NodePlan {
  if (id >= table.length) return planBeyond(table, language, lang, id);
  let plan = table[id];
  if (!plan) {
    plan = newPlan(language, lang, id);
    table[id] = plan;
  }
  return plan;
}

function planBeyond(table: (NodePlan | undefined)[], language: Language, lang: CodeLanguage, id: number): NodePlan {
  let plans = outOfRange.get(table);
  if (!plans) outOfRange.set(table, (plans = new Map()));
  let plan = plans.get(id);
  if (!plan) plans.set(id, (plan = newPlan(language, lang, id)));
  return plan;
}

function newPlan(language: Language, lang: CodeLanguage, id: number): NodePlan {
  const type = language.types[id] ?? '';
  const named = language.nodeTypeIsNamed(id);
  return {
    named,
    action: named ? namedNodeAction(type, lang) : { do: 'skip' },
    anonymous: named ? null : anonymousKind(type),
    declaration: named && declarationLike(type, lang),
    initialiser: named && type === 'init_declarator',
    statementParent: named && STATEMENT_PARENT.test(type),
    surface: named ? -1 : surfaceSlot(type),
    qualified: named && QUALIFIED_NAME.test(type),
    typeName: named && isTypeNode(type),
    type,
    block: named && type === 'compound_statement' && lang.constructsInBlocks === true,
    classBody: named && type === 'field_declaration_list',
    update: named && type === 'update_expression',
    assignment: named && (type === 'assignment_expression' || type === 'assignment'),
    binary: named && (type === 'binary_expression' || type === 'binary_operator'),
    declares: named ? declaredChildren(type) : Declares.None,
    typeNames: !named || NO_TYPE_NAMES.test(type) ? 0 : type === 'type_identifier' ? 1 : 2,
    plainName: named && !/scoped|qualified|^name$/.test(type),
  };
}
