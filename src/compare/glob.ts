/**
 * Turns a benchmark-id glob into an anchored regular expression.
 * `*` matches any run of characters except `/`, `**` matches anything including `/`
 * (`a/**\/b` also matches `a/b`), `?` matches one character except `/`; every other
 * character matches itself.
 * @param glob the pattern, e.g. `layout/*`
 * @returns a RegExp matching whole ids
 * @example
 * globToRegExp('layout/*').test('layout/ddsplit') // => true
 * globToRegExp('layout/*').test('layout/a/b') // => false
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          source += '(?:.*/)?';
        } else {
          source += '.*';
        }
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
