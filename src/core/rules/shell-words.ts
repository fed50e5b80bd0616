// Shell command lines split as sh splits them, enough to see which programs and files a boot
// command runs: simple commands separated by ; & && || | and newlines, words with their quotes
// removed, redirections and comments left out. A word that still holds a `$` (a variable, a
// command substitution) is kept as written: its value is only known at run time.

/** The simple commands of `text`, each as its words. */
export function simpleCommands(text: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  /** The next word is a redirection's target (or a duplicated descriptor): not part of the command. */
  let skipNext = false;
  const endWord = () => {
    if (inWord) {
      if (skipNext) skipNext = false;
      else words.push(word);
    }
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      if (text[i + 1] === '\n') i++;
      else {
        word += text[i + 1] ?? '';
        i++;
        inWord = true;
      }
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word += text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1])) j++;
        word += text[j];
      }
      i = j;
      inWord = true;
    } else if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      // A substitution is one word, whatever it holds.
      const close = text[i + 1] === '(' ? ')' : '}';
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === text[i + 1]) depth++;
        else if (text[j] === close && --depth === 0) break;
      }
      word += text.slice(i, j + 1);
      i = j;
      inWord = true;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      word += text.slice(i, end === -1 ? text.length : end + 1);
      i = end === -1 ? text.length : end;
      inWord = true;
    } else if (c === '#' && !inWord) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl - 1;
    } else if (c === '<' || c === '>') {
      // "2>&1", ">> log", "&> out": a descriptor number before it belongs to the redirection.
      if (/^\d+$/.test(word)) {
        word = '';
        inWord = false;
      } else endWord();
      while ('<>&|'.includes(text[i + 1] ?? '') && text[i + 1] !== undefined) i++;
      skipNext = true;
    } else if (c === ';' || c === '&' || c === '|' || c === '\n' || c === '(' || c === ')') {
      endCommand();
    } else if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}
