using System;
using System.Collections.Generic;

namespace CrmCollab.Emulator.Query
{
    /// <summary>SQL LIKE: % any run, _ one character, [abc] / [a-z] / [^a] sets; case-insensitive as the collation is.</summary>
    internal sealed class LikeMatcher
    {
        private enum TokenKind { Char, One, Many, Set }

        private readonly struct Token
        {
            public Token(TokenKind kind, char c = '\0', List<(char From, char To)> ranges = null, bool negated = false)
            {
                Kind = kind; Char = c; Ranges = ranges; Negated = negated;
            }

            public TokenKind Kind { get; }
            public char Char { get; }
            public List<(char From, char To)> Ranges { get; }
            public bool Negated { get; }
        }

        private readonly Token[] _tokens;

        public LikeMatcher(string pattern)
        {
            var tokens = new List<Token>();
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '%') { if (tokens.Count == 0 || tokens[^1].Kind != TokenKind.Many) tokens.Add(new Token(TokenKind.Many)); }
                else if (c == '_') tokens.Add(new Token(TokenKind.One));
                else if (c == '[' && pattern.IndexOf(']', i + 1) > i + 1)
                {
                    int end = pattern.IndexOf(']', i + 2);
                    if (end < 0) end = pattern.IndexOf(']', i + 1);
                    string body = pattern.Substring(i + 1, end - i - 1);
                    bool negated = body.Length > 1 && body[0] == '^';
                    if (negated) body = body.Substring(1);
                    var ranges = new List<(char, char)>();
                    for (int j = 0; j < body.Length; j++)
                    {
                        if (j + 2 < body.Length && body[j + 1] == '-') { ranges.Add((Upper(body[j]), Upper(body[j + 2]))); j += 2; }
                        else ranges.Add((Upper(body[j]), Upper(body[j])));
                    }
                    tokens.Add(new Token(TokenKind.Set, ranges: ranges, negated: negated));
                    i = end;
                }
                else tokens.Add(new Token(TokenKind.Char, Upper(c)));
            }
            _tokens = tokens.ToArray();
        }

        private static char Upper(char c) => char.ToUpperInvariant(c);

        public bool IsMatch(string text)
        {
            if (text == null) return false;
            // Greedy match with backtracking to the last % (each other token consumes exactly one character).
            int t = 0, p = 0, starP = -1, starT = 0;
            while (t < text.Length)
            {
                if (p < _tokens.Length && _tokens[p].Kind != TokenKind.Many && Matches(_tokens[p], text[t])) { t++; p++; }
                else if (p < _tokens.Length && _tokens[p].Kind == TokenKind.Many) { starP = p++; starT = t; }
                else if (starP >= 0) { p = starP + 1; t = ++starT; }
                else return false;
            }
            while (p < _tokens.Length && _tokens[p].Kind == TokenKind.Many) p++;
            return p == _tokens.Length;
        }

        private static bool Matches(Token token, char c)
        {
            switch (token.Kind)
            {
                case TokenKind.One: return true;
                case TokenKind.Char: return token.Char == Upper(c);
                case TokenKind.Set:
                    char u = Upper(c);
                    bool inSet = false;
                    foreach (var (from, to) in token.Ranges)
                        if (u >= from && u <= to) { inSet = true; break; }
                    return inSet != token.Negated;
                default: return false;
            }
        }
    }
}
