/**
 * Library names: the identifiers a submission uses but never declares (`System`, `println`,
 * `nextInt`, `cin`, `printf`, `strlen`, `len`, `range`). They belong to the language and its
 * libraries, so renaming cannot change them without changing what the program does: a copy whose
 * variables, functions and classes were all renamed keeps them, while an independent solution
 * calls its own choice of library functions. The engine compares their multisets as a third,
 * order-free channel beside structure and literals (`namesWeight`, engine/code/literals.ts).
 *
 * A name counts as declared when it is written where the grammar declares something: the first
 * identifier child of a declarator, parameter, function, method or class (`Declares.First`), or
 * any identifier child of a declaration or parameter list that lists names (`Declares.All`).
 * Declared is by name for the whole submission, not by scope: a name declared anywhere in it is
 * the program's own everywhere.
 */

/** Which identifier children of a node it declares. */
export const enum Declares {
  None = 0,
  /** The first identifier child (a declarator's, parameter's, function's or class's name). */
  First = 1,
  /** Every identifier child (`int a, b;`, Python's parameters, `(a, b) -> ...`). */
  All = 2,
  /** Its type-name children (`struct Point {...}`, `class Account {...}` in C++, TypeScript's classes). */
  Type = 3,
}

/** Node types (of every grammar in languages.ts) whose first identifier child is a declared name. */
const FIRST = new Set([
  // C, C++
  'init_declarator', 'pointer_declarator', 'array_declarator', 'reference_declarator', 'function_declarator',
  'parameter_declaration', 'optional_parameter_declaration', 'variadic_parameter_declaration', 'enumerator',
  // Java, C#, Kotlin, Scala
  'variable_declarator', 'formal_parameter', 'spread_parameter', 'catch_formal_parameter', 'catch_parameter',
  'method_declaration', 'constructor_declaration', 'class_declaration', 'interface_declaration', 'enum_declaration',
  'record_declaration', 'enum_constant', 'enhanced_for_statement', 'lambda_expression', 'local_function_statement',
  'parameter', 'foreach_statement', 'catch_declaration', 'property_declaration', 'variable_declaration',
  'class_parameter', 'function_declaration', 'object_declaration', 'val_definition', 'var_definition',
  'function_definition', 'class_definition', 'object_definition',
  // Python
  'default_parameter', 'typed_parameter', 'typed_default_parameter', 'assignment', 'for_statement', 'for_in_clause',
  // JavaScript, TypeScript
  'method_definition', 'required_parameter', 'optional_parameter', 'arrow_function', 'assignment_pattern',
  'public_field_definition', 'field_definition', 'catch_clause', 'function_expression', 'generator_function_declaration',
  // Go, Rust, Ruby, PHP, Swift
  'method_spec', 'function_item', 'let_declaration', 'static_item', 'const_item',
  'method', 'singleton_method', 'simple_parameter', 'optional_parameter', 'property_element', 'protocol_declaration',
]);

/** Node types every identifier child of which is a declared name. */
const ALL = new Set([
  'declaration', 'field_declaration', 'inferred_parameters', 'parameters', 'lambda_parameters', 'pattern_list',
  'tuple_pattern', 'list_pattern', 'global_statement', 'nonlocal_statement', 'formal_parameters', 'object_pattern',
  'array_pattern', 'var_spec', 'const_spec', 'closure_parameters', 'method_parameters', 'block_parameters',
  'lambda_parameters', 'identifier_list',
]);

/** Node types whose type-name child is a declared type. */
const TYPES = new Set([
  'struct_specifier', 'class_specifier', 'union_specifier', 'enum_specifier', 'type_definition', 'alias_declaration',
  'type_alias_declaration', 'abstract_class_declaration', 'type_declaration', 'type_spec', 'struct_item', 'enum_item', 'trait_item', 'class', 'module',
]);

/** Which identifier children of a node of this type it declares. */
export function declaredChildren(type: string): Declares {
  if (TYPES.has(type)) return Declares.Type;
  if (FIRST.has(type)) return Declares.First;
  if (ALL.has(type)) return Declares.All;
  return Declares.None;
}

/**
 * What a walk collects: every use of an identifier (in text order) and every name declared, each
 * as `nameHash` of its name (numbers, not strings: no string per identifier is made).
 */
export interface NameCollector {
  used: number[];
  declared: Set<number>;
}

const FNV_OFFSET = 0x811c9dc5, FNV_PRIME = 0x01000193;

/**
 * The FNV-1a hash (30 bits) of an identifier's name as the channel compares it, read from
 * `text[start, end)`: its last part when qualified (`std::cout` and `cout` under
 * `using namespace std;` are one name; so are `java.util.Arrays` and `Arrays`), spaces around it
 * left out.
 */
export function nameHashAt(text: string, start: number, end: number): number {
  if (end - start > 200) end = start + 200;
  let from = end;
  while (from > start) {
    const c = text.charCodeAt(from - 1);
    if (c === 58 || c === 46 || c === 62) break; // ':' '.' '>'
    from--;
  }
  while (from < end && text.charCodeAt(from) <= 32) from++;
  while (end > from && text.charCodeAt(end - 1) <= 32) end--;
  let h = FNV_OFFSET;
  for (let x = from; x < end; x++) h = Math.imul(h ^ text.charCodeAt(x), FNV_PRIME);
  return h & 0x3fffffff; // 30 bits: a small integer to V8 (no heap number per name)
}

/**
 * `nameHashAt` of a plain (unqualified) identifier starting at `text[start]`, read up to its end
 * without asking the parser where it ends: name characters (letters, digits, `_`, `$`, anything
 * beyond ASCII).
 */
export function nameHashFrom(text: string, start: number): number {
  let h = FNV_OFFSET;
  const end = Math.min(text.length, start + 200);
  for (let x = start; x < end; x++) {
    const c = text.charCodeAt(x);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127) h = Math.imul(h ^ c, FNV_PRIME);
    else break;
  }
  return h & 0x3fffffff; // 30 bits: a small integer to V8 (no heap number per name)
}


/** `nameHashAt` of a whole name. */
export function nameHash(name: string): number {
  return nameHashAt(name, 0, name.length);
}

/** The receiver's own names (`this`, `self`, `super`): uses of these say how a program is written, not which library it calls. */
export const SELF_NAMES = new Set(['this', 'self', 'super', 'Self'].map(nameHash));

/** The library names of a submission: every use of a name it does not declare, in text order (as `nameHash`es). */
export function libraryNames(names: NameCollector): number[] {
  const empty = nameHash('');
  return names.used.filter((n) => n !== empty && !names.declared.has(n));
}
