/** Puts each argument in place of its {name} in a text; a placeholder without an argument stays as it is. */
export function fillPlaceholders(text: string, args?: Readonly<Record<string, string | number>>): string {
  return args ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m)) : text;
}
