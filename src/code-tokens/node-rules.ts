/**
 * The shared rules that turn a tree-sitter node into a token kind, across grammars. They encode
 * the normalisations the engine relies on (Sağlam et al. 2024, 2025; Faidhi-Robinson levels):
 * identifiers and literals become `ID` and `LIT`; comments, types, modifiers and imports vanish;
 * every loop form is `LOOP`, every conditional form `BRANCH`, every call `CALL`, every
 * assignment, update or initialised declaration `ASSIGN`; `a > b` reads as `b < a`.
 * A language object may override any of this (see `language.ts`).
 */
import type { CodeLanguage } from './language.js';

export type NodeAction =
  | { do: 'skip' }
  | { do: 'transparent' }
  | { do: 'leaf'; kind: string }
  | { do: 'emit'; kind: string };

const COMMENT = /comment/;
const MODIFIER =
  /^(modifiers?|visibility_modifier|access_specifier|annotation|marker_annotation|decorator|attribute_item|attribute_list|import.*|package_declaration|package_clause|using_directive|preproc_include|namespace_use_declaration|use_declaration|extern_crate_declaration|require_call|preproc_def|preproc_function_def|type_definition|alias_declaration|using_declaration)$/;
const TYPE = /(^|_)types?(_|$)|type_identifier|primitive_type|predefined_type|^dimensions$|type_annotation|type_arguments|type_parameters|generic_type|integral_type|floating_point_type/;
const NOT_TYPE = /(declaration|definition|statement|expression|alias|spec|item|cast|pattern|case)$/;
const LITERAL =
  /(^|_)(string|char|character|number|integer|float|decimal|boolean|true|false|null|nil|none|literal|rune|heredoc|regex|text|raw_text|symbol|attribute_value|color_value|plain_value)(_|$)/;
const IDENTIFIER =
  /identifier$|^identifier|^(name|word|variable_name|constant|field_name|tag_name|attribute_name|property_name|class_name|simple_identifier|this|self|super|scoped_identifier|field_identifier|property_identifier|shorthand_property_identifier|namespace_identifier|package_identifier)$/;
const LOOP =
  /^(for|while|do|foreach|for_in|for_of|for_each|enhanced_for|for_range|range_for|repeat|loop|until|do_while)_((generic|numeric)_)?(statement|expression|loop)$|^(for|while|repeat|until)$/;
const BRANCH =
  /^(if|switch|case|match|unless|elif|else_if|conditional|ternary|when|guard|select|expression_switch|type_switch)_(statement|expression|clause)$|^(conditional_expression|ternary_expression|switch_block_statement_group|switch_label|switch_rule|switch_section|case_clause|case_statement|expression_case|match_arm|when_entry|if|unless|case)$/;
const FUNCTION =
  /^(local_)?(method|function|constructor|lambda|closure|arrow_function|func|fun|anonymous_function|singleton_method)(_(declaration|definition|item|expression|literal|statement))*$/;
const CALL = /(^|_)(call|invocation)(_expression)?$|^(object_creation_expression|new_expression|command)$/;
const ASSIGN =
  /assign|^update_expression$|^(variable_declarator|init_declarator|short_var_declaration|let_declaration|variable_assignment|operator_assignment|property_declaration|val_definition|var_definition)$/;
const RETURN = /^return(_statement|_expression)?$/;
const JUMP = /^(break|continue|goto|throw|raise|yield|next|redo|retry)(_statement|_expression)?$/;
const CLASS = /^(class|interface|struct|enum|trait|object|record|impl|module)_(declaration|definition|item|specifier)$/;
const DECLARATION =
  /^(local_variable_declaration|variable_declaration|lexical_declaration|declaration|field_declaration|var_declaration|const_declaration|local_declaration_statement|variable_list_declaration)$/;
const WRAPPER =
  /^(program|source_file|module|translation_unit|chunk|block|compound_statement|statement_block|class_body|declaration_list|body|body_statement|suite|expression_statement|parenthesized_expression|argument_list|arguments|formal_parameters|parameters|parameter_list|formal_parameter|parameter|parameter_declaration|variable_declarator_list|expression_list|else_clause|else|then|do_block|field_declaration_list|enum_body|interface_body|function_body|statements|block_statement|variable_list|variable|start_tag|end_tag|self_closing_tag|stylesheet|rule_set|declaration_block)$/;

/**
 * Kinds whose presence makes a statement stay in place: control flow, jumps, declarations of
 * functions and classes, and calls (a call may have side effects, so calls keep their order;
 * without knowing the callee this is what a dependence analysis must assume).
 */
export const CONTROL_KINDS = new Set(['LOOP', 'BRANCH', 'FUNCTION', 'RETURN', 'JUMP', 'CLASS', 'CALL']);

/** Parents whose named children are statements (for statement-order normalisation). */
export const STATEMENT_PARENT =
  /^(program|source_file|module|translation_unit|chunk|block|compound_statement|statement_block|body_statement|suite|statements|function_body|constructor_body|block_statement|switch_block_statement_group|do_block)$/;

/**
 * A node that names a type (and vanishes like one): `type_identifier`, `template_type`,
 * `primitive_type`… The walk asks this of the last part of a qualified name (C++'s
 * `std::vector<int>`), whose scope is otherwise read as an identifier.
 */
export function isTypeNode(type: string): boolean {
  return TYPE.test(type) && !NOT_TYPE.test(type);
}

/** A name with a scope (C++'s `std::cout`, `std::vector<int>`): a type when its last part is one. */
export const QUALIFIED_NAME = /^qualified_identifier$/;

export function declarationLike(type: string, lang: CodeLanguage): boolean {
  return lang.declarations?.includes(type) ?? DECLARATION.test(type);
}

/** What to do with a named node of this type. */
export function namedNodeAction(type: string, lang: CodeLanguage): NodeAction {
  if (lang.skip?.includes(type)) return { do: 'skip' };
  if (lang.transparent?.includes(type)) return { do: 'transparent' };
  const renamed = lang.rename?.[type];
  if (renamed) return { do: 'emit', kind: renamed };
  if (COMMENT.test(type) || MODIFIER.test(type)) return { do: 'skip' };
  if (TYPE.test(type) && !NOT_TYPE.test(type)) return { do: 'skip' };
  if (IDENTIFIER.test(type)) return { do: 'leaf', kind: 'ID' };
  if (LITERAL.test(type) && !/(expression|statement|declaration)$/.test(type)) return { do: 'leaf', kind: 'LIT' };
  if (WRAPPER.test(type)) return { do: 'transparent' };
  if (LOOP.test(type)) return { do: 'emit', kind: 'LOOP' };
  if (BRANCH.test(type)) return { do: 'emit', kind: 'BRANCH' };
  if (FUNCTION.test(type)) return { do: 'emit', kind: 'FUNCTION' };
  if (CALL.test(type)) return { do: 'emit', kind: 'CALL' };
  if (ASSIGN.test(type)) return { do: 'emit', kind: 'ASSIGN' };
  if (RETURN.test(type)) return { do: 'emit', kind: 'RETURN' };
  if (JUMP.test(type)) return { do: 'emit', kind: 'JUMP' };
  if (CLASS.test(type)) return { do: 'emit', kind: 'CLASS' };
  if (declarationLike(type, lang)) return { do: 'transparent' };
  return { do: 'emit', kind: type };
}

const PUNCTUATION = new Set([';', ',', '(', ')', '{', '}', '[', ']', '.', ':', '::', '->', '=>', '?', '"', "'", '`', '=', ':=', '<-', '\n', '#', '@', '$', '\\', '...', '..']);
const OPERATOR_CANON: Record<string, string> = {
  '>': '<', '>=': '<=', '+=': '+', '-=': '-', '*=': '*', '/=': '/', '%=': '%', '++': '+', '--': '-',
  '&=': '&', '|=': '|', '^=': '^', '<<=': '<<', '>>=': '>>', '**=': '**', '//=': '//', '===': '==', '!==': '!=',
  and: '&&', or: '||', not: '!',
};

/** Token kind of an anonymous leaf (keyword or operator), or null to drop it. */
export function anonymousKind(text: string): string | null {
  const canon = OPERATOR_CANON[text];
  if (canon) return canon;
  if (PUNCTUATION.has(text) || /^[A-Za-z_]/.test(text) || /^\s*$/.test(text)) return null;
  return text;
}

/**
 * Surface marks: punctuation and operators as written, counted per submission (outside
 * comments, imports, macro definitions, types and declarations that compute nothing). They say
 * nothing the token stream does not, except how the code is written: braces around one-statement
 * bodies, extra parentheses, `i++` or `i += 1`. Copies keep these (reformatting, comments and
 * renaming do not touch them); independent solutions that normalise to the same tokens rarely
 * do. The engine uses their counts to separate near-ties (see CodeCompareOptions.surfaceWeight).
 */
export const SURFACE_MARKS: readonly string[] = ['{', '(', '[', ';', ',', '&&', '||', '==', '=', '+', '-', '*', '/', '%', '<', '>', '!', '?', '.', '++'];
const SURFACE_SLOT = new Map(SURFACE_MARKS.map((m, i) => [m, i]));

/** The surface-mark slot of an anonymous leaf, or -1. */
export function surfaceSlot(text: string): number {
  return SURFACE_SLOT.get(text) ?? -1;
}
