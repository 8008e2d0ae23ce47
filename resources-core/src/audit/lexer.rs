//! The single-pass lexer: literals, opt-out comments, `#[cfg(test)]` scopes and test modules.

/// The marker of an opt-out comment.
pub const ALLOW_MARKER: &str = "resources-audit: allow";

/// An `allow` comment.
pub(super) struct Allow {
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) reason: Option<String>,
}

/// A string literal found in code (not in a comment, not under `#[cfg(test)]`).
pub(super) struct Literal {
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) width: usize,
    pub(super) value: String,
}

/// The single-pass lexer: just enough of Rust's lexical grammar to tell literals from comments
/// and code, and to see `#[cfg(test)]` items.
pub(super) struct Lexer<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    line: usize,
    line_start: usize,
    pub(super) literals: Vec<Literal>,
    pub(super) allows: Vec<Allow>,
    pub(super) error: Option<&'static str>,
    /// Nesting of `{`, `(`, `[`.
    depth: usize,
    /// Whether the lexer is in test-only code, and where that ends.
    test: TestScope,
    /// `#[cfg(test)] mod NAME;`: files that are test code.
    pub(super) test_mods: Vec<String>,
    /// Inside `#[resource(...)]` (the derive's attribute), opened at this depth.
    resource_attr: Option<usize>,
}

/// Test-only code: literals there are not findings.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TestScope {
    /// Ordinary code.
    None,
    /// The item after `#[cfg(test)]`, at `depth`: it ends at its `;` or at the `}` closing
    /// its body.
    Item { depth: usize, in_body: bool },
    /// After `#![cfg(test)]` at `depth`: the rest of the enclosing module or file.
    Rest { depth: usize },
}

impl<'t> Lexer<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
            line_start: 0,
            literals: Vec::new(),
            allows: Vec::new(),
            error: None,
            depth: 0,
            test: TestScope::None,
            test_mods: Vec::new(),
            resource_attr: None,
        }
    }

    fn column(&self, at: usize) -> usize {
        self.text[self.line_start..at].chars().count() + 1
    }

    fn peek(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    /// Advances over `n` bytes, counting lines.
    fn advance(&mut self, n: usize) {
        let end = (self.pos + n).min(self.bytes.len());
        while self.pos < end {
            if self.bytes[self.pos] == b'\n' {
                self.line += 1;
                self.line_start = self.pos + 1;
            }
            self.pos += 1;
        }
    }

    fn in_test_code(&self) -> bool {
        self.test != TestScope::None
    }

    pub(super) fn run(&mut self) {
        if self.text.starts_with("#!") && !self.text.starts_with("#![") {
            // A shebang line.
            let end = self.text.find('\n').unwrap_or(self.text.len());
            self.advance(end);
        }
        while self.pos < self.bytes.len() && self.error.is_none() {
            let b = self.bytes[self.pos];
            match b {
                b'/' if self.peek(1) == Some(b'/') => self.line_comment(),
                b'/' if self.peek(1) == Some(b'*') => self.block_comment(),
                b'"' => self.string(self.pos),
                b'\'' => self.quote(),
                b'#' if self.peek(1) == Some(b'[')
                    || (self.peek(1) == Some(b'!') && self.peek(2) == Some(b'[')) =>
                {
                    self.attribute();
                }
                b'{' | b'(' | b'[' => {
                    if let TestScope::Item {
                        depth,
                        in_body: false,
                    } = self.test
                        && depth == self.depth
                        && b == b'{'
                    {
                        self.test = TestScope::Item {
                            depth,
                            in_body: true,
                        };
                    }
                    self.depth += 1;
                    self.advance(1);
                }
                b'}' | b')' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.advance(1);
                    if self.resource_attr == Some(self.depth) {
                        self.resource_attr = None;
                    }
                    match self.test {
                        TestScope::Item {
                            depth,
                            in_body: true,
                        } if depth == self.depth && b == b'}' => {
                            self.test = TestScope::None;
                        }
                        TestScope::Item { depth, .. } | TestScope::Rest { depth }
                            if self.depth < depth =>
                        {
                            self.test = TestScope::None;
                        }
                        _ => {}
                    }
                }
                b';' => {
                    self.advance(1);
                    if let TestScope::Item {
                        depth,
                        in_body: false,
                    } = self.test
                        && depth == self.depth
                    {
                        // `#[cfg(test)] use x;`: the item was one statement.
                        self.test = TestScope::None;
                    }
                }
                b if b.is_ascii_alphabetic() || b == b'_' => self.ident(),
                b if b.is_ascii_digit() => {
                    let len = self.bytes[self.pos..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'.')
                        .count();
                    self.advance(len.max(1));
                }
                _ => {
                    let len = self.text[self.pos..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8);
                    self.advance(len);
                }
            }
        }
    }

    fn line_comment(&mut self) {
        let start = self.pos;
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |e| start + e);
        let body = &self.text[start..end];
        // Doc comments (`///`, `//!`) document; only plain comments opt out.
        let doc = (body.starts_with("///") && !body.starts_with("////")) || body.starts_with("//!");
        if !doc {
            self.check_allow(body, start);
        }
        self.advance(end - start);
    }

    fn block_comment(&mut self) {
        let start = self.pos;
        let mut depth = 0usize;
        let mut i = self.pos;
        while i + 1 < self.bytes.len() {
            match (self.bytes[i], self.bytes[i + 1]) {
                (b'/', b'*') => {
                    depth += 1;
                    i += 2;
                }
                (b'*', b'/') => {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                }
                _ => i += 1,
            }
        }
        if depth != 0 {
            self.error = Some("unterminated block comment");
            i = self.bytes.len();
        }
        let body = &self.text[start..i];
        let doc = (body.starts_with("/**") && !body.starts_with("/***") && body != "/**/")
            || body.starts_with("/*!");
        for (n, line) in body.lines().enumerate().filter(|_| !doc) {
            if line.contains(ALLOW_MARKER) {
                let offset = body.lines().take(n).map(|l| l.len() + 1).sum::<usize>();
                self.check_allow_at(line, start + offset, self.line + n);
            }
        }
        self.advance(i - start);
    }

    fn check_allow(&mut self, comment: &str, at: usize) {
        if comment.contains(ALLOW_MARKER) {
            self.check_allow_at(comment, at, self.line);
        }
    }

    fn check_allow_at(&mut self, comment: &str, at: usize, line: usize) {
        let Some(i) = comment.find(ALLOW_MARKER) else {
            return;
        };
        let rest = &comment[i + ALLOW_MARKER.len()..];
        let reason = rest
            .strip_prefix('(')
            .and_then(|r| r.rfind(')').map(|e| r[..e].trim()))
            .filter(|r| !r.is_empty())
            .map(str::to_owned);
        let column = if line == self.line {
            self.column(at + i)
        } else {
            self.text[..at + i]
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count())
                + 1
        };
        self.allows.push(Allow {
            line,
            column,
            reason,
        });
    }

    /// An identifier, or the prefix of a literal (`b"`, `r#"`, `br"`, `c"`, `cr#"`), or a raw
    /// identifier (`r#type`).
    fn ident(&mut self) {
        let start = self.pos;
        let len = self.bytes[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count();
        let word = &self.text[start..start + len];
        let next = self.bytes.get(start + len).copied();
        match (word, next) {
            ("b" | "c", Some(b'"')) => {
                self.advance(len);
                self.string(start);
            }
            ("r" | "br" | "cr", Some(b'"' | b'#')) => {
                let hashes = self.bytes[start + len..]
                    .iter()
                    .take_while(|c| **c == b'#')
                    .count();
                if self.bytes.get(start + len + hashes) == Some(&b'"') {
                    self.advance(len + hashes);
                    self.raw_string(start, hashes);
                } else {
                    // `r#ident`
                    self.advance(len + hashes);
                }
            }
            ("b", Some(b'\'')) => {
                self.advance(len);
                self.quote();
            }
            ("mod", _) if matches!(self.test, TestScope::Item { in_body: false, .. }) => {
                self.advance(len);
                let rest = &self.text[self.pos..];
                let name: String = rest
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let after = rest.trim_start()[name.len()..].trim_start();
                if !name.is_empty() && after.starts_with(';') {
                    self.test_mods.push(name);
                }
            }
            _ => self.advance(len),
        }
    }

    /// A `"…"` string whose opening quote is at `self.pos`; `start` is the literal's first byte.
    fn string(&mut self, start: usize) {
        let line = self.line;
        let column = self.column(start);
        let mut value = String::new();
        let mut i = self.pos + 1;
        let mut has_colon = false;
        loop {
            let Some(&b) = self.bytes.get(i) else {
                self.error = Some("unterminated string literal");
                self.advance(self.bytes.len() - self.pos);
                return;
            };
            match b {
                b'"' => break,
                b'\\' => {
                    let (decoded, used) = unescape(&self.text[i..]);
                    if let Some(c) = decoded {
                        value.push(c);
                    }
                    i += used.max(1);
                }
                _ => {
                    let c = self.text[i..].chars().next().unwrap_or('\u{fffd}');
                    has_colon |= c == ':';
                    value.push(c);
                    i += c.len_utf8();
                }
            }
        }
        let end = i + 1;
        let first_line_end = self.text[start..end].find('\n').map_or(end, |e| start + e);
        let width = self.text[start..first_line_end].chars().count();
        self.advance(end - self.pos);
        if (has_colon || value.contains(':'))
            && !self.in_test_code()
            && !self.is_resource_example(start)
        {
            self.literals.push(Literal {
                line,
                column,
                width,
                value,
            });
        }
    }

    /// A raw string `r#"…"#` whose opening quote is at `self.pos`.
    fn raw_string(&mut self, start: usize, hashes: usize) {
        let line = self.line;
        let column = self.column(start);
        let body_start = self.pos + 1;
        let closing: String = std::iter::once('"')
            .chain(std::iter::repeat_n('#', hashes))
            .collect();
        let Some(rel) = self.text[body_start..].find(&closing) else {
            self.error = Some("unterminated raw string literal");
            self.advance(self.bytes.len() - self.pos);
            return;
        };
        let value = self.text[body_start..body_start + rel].to_owned();
        let end = body_start + rel + closing.len();
        let first_line_end = self.text[start..end].find('\n').map_or(end, |e| start + e);
        let width = self.text[start..first_line_end].chars().count();
        self.advance(end - self.pos);
        if value.contains(':') && !self.in_test_code() && !self.is_resource_example(start) {
            self.literals.push(Literal {
                line,
                column,
                width,
                value,
            });
        }
    }

    /// Whether the literal at `start` is the value of `example = "…"` in `#[resource(...)]`:
    /// documentation, checked against its kind by the derive and redacted in every rendering.
    fn is_resource_example(&self, start: usize) -> bool {
        self.resource_attr.is_some()
            && self.text[..start]
                .trim_end()
                .strip_suffix('=')
                .is_some_and(|before| before.trim_end().ends_with("example"))
    }

    /// A `'`: a char literal (`'x'`, `'\n'`, `'\u{1F600}'`) or a lifetime/label (`'a`).
    fn quote(&mut self) {
        let rest = &self.text[self.pos + 1..];
        let mut chars = rest.chars();
        match chars.next() {
            Some('\\') => {
                // An escaped char literal: skip to the closing quote.
                let (_, used) = unescape(rest);
                let close = 1 + used;
                let end = if self.bytes.get(self.pos + close) == Some(&b'\'') {
                    close + 1
                } else {
                    close
                };
                self.advance(end);
            }
            Some(c) if chars.next() == Some('\'') => self.advance(1 + c.len_utf8() + 1),
            _ => self.advance(1),
        }
    }

    /// `#[…]` or `#![…]`: scanned like code (its literals count), noting `cfg(test)`.
    fn attribute(&mut self) {
        let inner = self.peek(1) == Some(b'!');
        let open = self.pos + if inner { 2 } else { 1 };
        // Find the matching `]` by brackets, skipping string contents.
        let mut depth = 0usize;
        let mut i = open;
        let mut words = String::new();
        while let Some(&b) = self.bytes.get(i) {
            match b {
                b'[' | b'(' => {
                    depth += 1;
                    words.push(b as char);
                }
                b']' | b')' => {
                    depth = depth.saturating_sub(1);
                    words.push(b as char);
                    if depth == 0 {
                        break;
                    }
                }
                b'"' => break, // a literal: the attribute is not a bare `cfg(test)`
                b if b.is_ascii_alphanumeric() || b == b'_' || b == b',' => words.push(b as char),
                _ => {}
            }
            i += 1;
        }
        let is_test = words.starts_with("[cfg(test)") || words.starts_with("[cfg(all(test,");
        if words.contains("resource(") && !inner {
            self.resource_attr = Some(self.depth);
        }
        if is_test && !self.in_test_code() {
            self.test = if inner {
                TestScope::Rest { depth: self.depth }
            } else {
                TestScope::Item {
                    depth: self.depth,
                    in_body: false,
                }
            };
        }
        // Continue lexing inside the attribute normally (its literals are scanned).
        self.advance(if inner { 2 } else { 1 });
    }
}

/// Decodes one escape starting at `\\`; returns the char (if any: a line continuation yields
/// none) and the bytes used, always ending on a char boundary.
fn unescape(s: &str) -> (Option<char>, usize) {
    let mut chars = s.char_indices().skip(1);
    let Some((_, c)) = chars.next() else {
        return (None, s.len());
    };
    let simple = |decoded: char| (Some(decoded), 1 + c.len_utf8());
    match c {
        'n' => simple('\n'),
        't' => simple('\t'),
        'r' => simple('\r'),
        '0' => simple('\0'),
        '\\' | '"' | '\'' => simple(c),
        'x' => {
            // Up to two hex digits (ASCII, so byte counts are char counts).
            let digits = s[2..]
                .bytes()
                .take(2)
                .take_while(u8::is_ascii_hexdigit)
                .count();
            let value = u8::from_str_radix(&s[2..2 + digits], 16).ok();
            (value.map(char::from), 2 + digits)
        }
        'u' => {
            // `\u{…}`: at most a few hex digits (and `_`) before the `}`.
            let body = s[2..].strip_prefix('{').unwrap_or("");
            let len = body
                .bytes()
                .take(8)
                .take_while(|b| b.is_ascii_hexdigit() || *b == b'_')
                .count();
            if body.as_bytes().get(len) == Some(&b'}') {
                let code = u32::from_str_radix(&body[..len].replace('_', ""), 16)
                    .ok()
                    .and_then(char::from_u32);
                (code, 3 + len + 1)
            } else {
                (None, 2)
            }
        }
        '\n' | '\r' => {
            // Line continuation: skip the newline and the next line's leading whitespace.
            let rest = &s[1..];
            (None, 1 + rest.len() - rest.trim_start().len())
        }
        other => (Some(other), 1 + other.len_utf8()),
    }
}
