package com.sharewise.rules.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexer for DRL good enough to check what a rule set names: it skips comments and string literals
 * (so words inside them never count) and yields identifiers and symbols with their line and column.
 * It does not validate syntax; the DRL parser does that.
 */
final class DrlTokens {

  enum Type {
    IDENT,
    STRING,
    NUMBER,
    SYMBOL
  }

  /**
   * One token.
   *
   * @param afterDot whether the previous token was a {@code .} (a member, not a type or variable)
   */
  record Token(Type type, String text, int line, int column, boolean afterDot) {
    boolean is(String symbolOrWord) {
      return text.equals(symbolOrWord) && type != Type.STRING;
    }
  }

  private final String text;
  private int pos;
  private int line = 1;
  private int column = 1;

  private DrlTokens(String text) {
    this.text = text;
  }

  /** The tokens of {@code drl}; an unterminated comment or string ends the list. */
  static List<Token> of(String drl) {
    return new DrlTokens(drl).scan();
  }

  private List<Token> scan() {
    List<Token> tokens = new ArrayList<>();
    boolean afterDot = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      int startLine = line;
      int startColumn = column;
      if (Character.isWhitespace(c)) {
        advance(1);
      } else if (c == '/' && peek(1) == '/') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          advance(1);
        }
      } else if (c == '/' && peek(1) == '*') {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          return tokens;
        }
        advanceTo(end + 2);
      } else if (c == '"' && peek(1) == '"' && peek(2) == '"') {
        int end = text.indexOf("\"\"\"", pos + 3);
        if (end < 0) {
          return tokens;
        }
        advanceTo(end + 3);
        tokens.add(new Token(Type.STRING, "", startLine, startColumn, false));
        afterDot = false;
      } else if (c == '"' || c == '\'') {
        if (!skipQuoted(c)) {
          return tokens;
        }
        tokens.add(new Token(Type.STRING, "", startLine, startColumn, false));
        afterDot = false;
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = pos;
        while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
          advance(1);
        }
        tokens.add(
            new Token(Type.IDENT, text.substring(start, pos), startLine, startColumn, afterDot));
        afterDot = false;
      } else if (Character.isDigit(c)) {
        int start = pos;
        while (pos < text.length() && isNumberPart(text.charAt(pos))) {
          advance(1);
        }
        tokens.add(
            new Token(Type.NUMBER, text.substring(start, pos), startLine, startColumn, false));
        afterDot = false;
      } else {
        advance(1);
        tokens.add(new Token(Type.SYMBOL, String.valueOf(c), startLine, startColumn, false));
        afterDot = c == '.';
      }
    }
    return tokens;
  }

  private static boolean isNumberPart(char c) {
    // digits, underscores, exponents, suffixes (1_000, 1e5, 10B, 2.5d); a '.' followed by a letter
    // would be a member access, but numbers never have members in DRL
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  /** Skips a quoted literal; false when it is not closed before the end of its line. */
  private boolean skipQuoted(char quote) {
    advance(1);
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\\') {
        advance(Math.min(2, text.length() - pos));
      } else if (c == quote) {
        advance(1);
        return true;
      } else if (c == '\n') {
        return false;
      } else {
        advance(1);
      }
    }
    return false;
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void advanceTo(int target) {
    advance(target - pos);
  }

  private void advance(int count) {
    for (int i = 0; i < count && pos < text.length(); i++) {
      if (text.charAt(pos) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      pos++;
    }
  }
}
