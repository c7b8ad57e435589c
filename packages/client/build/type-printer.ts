import ts from "typescript";

/**
 * Writes a type as plain TypeScript that references nothing: objects, unions, literals, arrays,
 * tuples and index signatures spelled out. A type alias without type arguments (`JsonObject`,
 * `Locale`, zod's `JSONType`, …) becomes a named declaration of its own, printed once, which
 * also ends the recursion of recursive types. Anything else (functions, classes, generics left
 * open) is refused with the path that led to it: the published types must stay plain data.
 */
export class TypePrinter {
  private readonly names = new Map<ts.Symbol, string>();
  private readonly taken = new Set<string>();
  private readonly declarations: string[] = [];
  private readonly inProgress = new Set<ts.Type>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly isLibraryType: (symbol: ts.Symbol) => boolean,
  ) {}

  /** `type X = …;` lines for every alias met so far. */
  namedDeclarations(): string[] {
    return [...this.declarations];
  }

  /** A name no declaration uses yet (the printed file's own names are reserved this way). */
  reserve(name: string): string {
    let candidate = name;
    for (let n = 2; this.taken.has(candidate); n += 1) candidate = `${name}${n}`;
    this.taken.add(candidate);
    return candidate;
  }

  print(type: ts.Type, where: string): string {
    const alias = type.aliasSymbol;
    if (alias && !type.aliasTypeArguments?.length && !this.isLibraryType(alias)) return this.named(alias, type, where);
    if (this.inProgress.has(type)) throw new Error(`${where}: a recursive type without a name cannot be printed`);
    this.inProgress.add(type);
    try {
      return this.structure(type, where);
    } finally {
      this.inProgress.delete(type);
    }
  }

  private named(alias: ts.Symbol, type: ts.Type, where: string): string {
    const known = this.names.get(alias);
    if (known) return known;
    const name = this.reserve(alias.getName());
    this.names.set(alias, name);
    const slot = this.declarations.push("") - 1;
    this.inProgress.add(type);
    try {
      this.declarations[slot] = `type ${name} = ${this.structure(type, `${where} (${name})`)};`;
    } finally {
      this.inProgress.delete(type);
    }
    return name;
  }

  private structure(type: ts.Type, where: string): string {
    const { flags } = type;
    const keyword = KEYWORDS.find(([flag]) => flags & flag);
    if (keyword) return keyword[1];
    if (type.isStringLiteral()) return JSON.stringify(type.value);
    if (type.isNumberLiteral()) return String(type.value);
    if (flags & ts.TypeFlags.BooleanLiteral) return this.checker.typeToString(type);
    if (flags & ts.TypeFlags.BigIntLiteral) return this.checker.typeToString(type);
    if (flags & (ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) return this.checker.typeToString(type);
    if (type.isUnion()) return this.union(type.types, where);
    if (type.isIntersection()) return type.types.map((part) => this.wrap(part, where)).join(" & ");
    if (flags & ts.TypeFlags.Object) return this.object(type as ts.ObjectType, where);
    throw new Error(`${where}: cannot print ${this.checker.typeToString(type)} (type flags ${flags})`);
  }

  private union(types: readonly ts.Type[], where: string): string {
    const isTrue = (t: ts.Type) => t.flags & ts.TypeFlags.BooleanLiteral && this.checker.typeToString(t) === "true";
    const isFalse = (t: ts.Type) => t.flags & ts.TypeFlags.BooleanLiteral && this.checker.typeToString(t) === "false";
    const bothBooleans = types.some(isTrue) && types.some(isFalse);
    const parts: string[] = [];
    for (const member of types) {
      if (bothBooleans && (isTrue(member) || isFalse(member))) {
        if (!parts.includes("boolean")) parts.push("boolean");
      } else {
        parts.push(this.wrap(member, where));
      }
    }
    return parts.join(" | ");
  }

  /** Parenthesized when it is a union or intersection inside another one. */
  private wrap(type: ts.Type, where: string): string {
    const text = this.print(type, where);
    return type.isUnionOrIntersection() && !type.aliasSymbol ? `(${text})` : text;
  }

  private object(type: ts.ObjectType, where: string): string {
    const { checker } = this;
    if (checker.isTupleType(type)) return this.tuple(type as ts.TupleTypeReference, where);
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      const readonly = type.symbol?.getName() === "ReadonlyArray" ? "readonly " : "";
      return `${readonly}${this.wrap(element!, `${where}[]`)}[]`;
    }
    const named = type.symbol && type.symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface);
    if (named && this.isLibraryType(type.symbol)) return checker.typeToString(type);
    if (type.getCallSignatures().length || type.getConstructSignatures().length) {
      throw new Error(`${where}: functions cannot be part of the API's data (${checker.typeToString(type)})`);
    }
    // `Record<string, X>` stays a mapped type: its keys are `string`, where those of
    // `{[key: string]: X}` are `string | number` (tRPC's output serialization tells them apart).
    const mapped = (type.objectFlags & ts.ObjectFlags.Mapped) !== 0;
    const indexes: string[] = [];
    const members: string[] = [];
    for (const info of checker.getIndexInfosOfType(type)) {
      const key = checker.typeToString(info.keyType);
      const readonly = info.isReadonly ? "readonly " : "";
      const value = this.print(info.type, `${where}[${key}]`);
      if (mapped) indexes.push(`{ ${readonly}[key in ${key}]: ${value} }`);
      else members.push(`${readonly}[key: ${key}]: ${value};`);
    }
    for (const property of checker.getPropertiesOfType(type)) {
      const name = property.getName();
      const optional = property.flags & ts.SymbolFlags.Optional ? "?" : "";
      const readonly = isReadonly(property) ? "readonly " : "";
      const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
      const value = this.print(checker.getTypeOfSymbol(property), `${where}.${name}`);
      members.push(`${readonly}${key}${optional}: ${value};`);
    }
    const literal = members.length ? `{ ${members.join(" ")} }` : "{}";
    return indexes.length ? [...indexes, ...(members.length ? [literal] : [])].join(" & ") : literal;
  }

  private tuple(type: ts.TupleTypeReference, where: string): string {
    const { target } = type;
    const elements = this.checker.getTypeArguments(type).map((element, index) => {
      const flag = target.elementFlags[index] ?? ts.ElementFlags.Required;
      const text = this.wrap(element, `${where}[${index}]`);
      if (flag & ts.ElementFlags.Rest) return `...${text}[]`;
      return flag & ts.ElementFlags.Optional ? `${text}?` : text;
    });
    return `${target.readonly ? "readonly " : ""}[${elements.join(", ")}]`;
  }
}

const KEYWORDS: [ts.TypeFlags, string][] = [
  [ts.TypeFlags.Any, "any"],
  [ts.TypeFlags.Unknown, "unknown"],
  [ts.TypeFlags.String, "string"],
  [ts.TypeFlags.Number, "number"],
  [ts.TypeFlags.Boolean, "boolean"],
  [ts.TypeFlags.BigInt, "bigint"],
  [ts.TypeFlags.Void, "void"],
  [ts.TypeFlags.Undefined, "undefined"],
  [ts.TypeFlags.Null, "null"],
  [ts.TypeFlags.Never, "never"],
  [ts.TypeFlags.NonPrimitive, "object"],
];

function isReadonly(property: ts.Symbol): boolean {
  return (property.declarations ?? []).some(
    (declaration) => ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Readonly,
  );
}
