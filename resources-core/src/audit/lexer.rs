//! The single-pass lexer: literals, opt-out comments, `#[cfg(test)]` scopes and module
//! declarations.
//!
//! It knows just enough of Rust's lexical grammar to tell literals from comments and code. It
//! works on bytes, never slices text at a computed offset without checking it (so no input can
//! make it panic, and no panic message could quote the file), and every byte is examined a
//! bounded number of times: the scan is linear in the file's size.

use super::optout::{self, Form, OptOut};
use super::work::tick;

/// How deep inline modules (`mod a { mod b { … } }`) are followed to place `mod c;` files.
const MAX_INLINE_MODULES: usize = 64;

/// The most `#`s a raw string may have (rustc's limit).
const MAX_RAW_HASHES: usize = 255;

/// How many bytes of an attribute are read to recognize `#[cfg(test)]`.
const ATTRIBUTE_PREFIX: usize = 64;

/// A string literal found in code (not in a comment, not in test code, not documentation).
pub(super) struct Literal {
    /// 1-based line of its first character.
    pub line: usize,
    /// 1-based column (in characters) of its first character.
    pub column: usize,
    /// Its kind, as it is shown: `""`, `"b"` or `"c"`.
    pub prefix: &'static str,
    /// The decoded content (the pieces of a `concat!` joined).
    pub value: String,
    /// Whether an item or block opt-out covers it.
    pub allowed: bool,
}

/// An opt-out without a reason (or of an unknown form), where its marker is.
pub(super) struct BadOptOut {
    pub line: usize,
    pub column: usize,
}

/// A `mod NAME;` declaration.
pub(super) struct ModDecl {
    /// The inline modules it sits in (`mod a { mod b; }` gives `["a"]`).
    pub inline: Vec<String>,
    pub name: String,
    /// Whether it is test code (`#[cfg(test)] mod tests;`, or inside test code).
    pub test: bool,
}

/// What one file holds for the audit.
#[derive(Default)]
pub(super) struct Lexed {
    pub literals: Vec<Literal>,
    pub bad_optouts: Vec<BadOptOut>,
    /// Lines of `allow(…)` comments, and whether code precedes the comment on its line: a
    /// trailing opt-out covers its line, one on a line of its own the next line.
    pub line_allows: Vec<(usize, bool)>,
    /// Whether an `allow-file(…)` covers the whole file.
    pub allow_file: bool,
    pub mods: Vec<ModDecl>,
    /// Why the scan stopped early (an unterminated literal or comment).
    pub error: Option<&'static str>,
}

/// Lexes one file.
pub(super) fn lex(text: &str) -> Lexed {
    let mut lexer = Lexer::new(text);
    lexer.run();
    lexer.out
}

/// A region of code: test code, or code an opt-out covers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// The next item, at `depth`: it ends at its `;` or at the `}` closing its body.
    Item { depth: usize, in_body: bool },
    /// The rest of the enclosing block (or file) at `depth`.
    Rest { depth: usize },
}

/// `concat!(…)`: its literal pieces, joined.
struct Concat {
    /// The depth outside its parentheses.
    depth: usize,
    line: usize,
    column: usize,
    prefix: &'static str,
    value: String,
    allowed: bool,
    started: bool,
}

struct Lexer<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    line: usize,
    /// Characters between the start of the line and `pos`.
    col: usize,
    out: Lexed,
    /// Nesting of `{`, `(`, `[`.
    depth: usize,
    test: Option<Scope>,
    allowed: Option<Scope>,
    /// Inside `#[…]`, opened at this depth.
    attr: Option<usize>,
    /// `example =` / `doc =` in an attribute: 1 after the key, 2 after the `=`.
    doc_key: u8,
    /// `concat!` seen, its opening bracket next.
    pending_concat: bool,
    concat: Option<Concat>,
    /// `mod NAME {` seen, its `{` next.
    pending_inline: Option<String>,
    /// Inline modules open, with the depth outside their braces.
    inline: Vec<(String, usize)>,
    /// The line of the last token (to tell a trailing comment).
    code_line: usize,
}

/// Ends or enters a scope at an opening bracket (the depth before it).
fn scope_open(scope: &mut Option<Scope>, depth: usize, b: u8) {
    if let Some(Scope::Item {
        depth: d,
        in_body: false,
    }) = *scope
        && d == depth
        && b == b'{'
    {
        *scope = Some(Scope::Item {
            depth,
            in_body: true,
        });
    }
}

/// Ends a scope at a closing bracket (the depth after it).
fn scope_close(scope: &mut Option<Scope>, depth: usize, b: u8) {
    match *scope {
        Some(Scope::Item {
            depth: d,
            in_body: true,
        }) if d == depth && b == b'}' => *scope = None,
        Some(Scope::Item { depth: d, .. } | Scope::Rest { depth: d }) if depth < d => {
            *scope = None;
        }
        _ => {}
    }
}

/// Ends an item scope at a `;` before its body (`#[cfg(test)] use x;`).
fn scope_semicolon(scope: &mut Option<Scope>, depth: usize) {
    if let Some(Scope::Item {
        depth: d,
        in_body: false,
    }) = *scope
        && d == depth
    {
        *scope = None;
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'t> Lexer<'t> {
    fn new(text: &'t str) -> Self {
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
            col: 0,
            out: Lexed::default(),
            depth: 0,
            test: None,
            allowed: None,
            attr: None,
            doc_key: 0,
            pending_concat: false,
            concat: None,
            pending_inline: None,
            inline: Vec::new(),
            code_line: 0,
        }
    }

    fn peek(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    /// Text from `from` to `to`, or nothing if that is not on char boundaries.
    fn slice(&self, from: usize, to: usize) -> &'t str {
        self.text.get(from..to).unwrap_or("")
    }

    /// Advances over `n` bytes, counting lines and columns.
    fn advance(&mut self, n: usize) {
        let end = self.pos.saturating_add(n).min(self.bytes.len());
        tick(end - self.pos);
        while self.pos < end {
            let b = self.bytes[self.pos];
            if b == b'\n' {
                self.line += 1;
                self.col = 0;
            } else if b & 0xC0 != 0x80 {
                self.col += 1;
            }
            self.pos += 1;
        }
    }

    /// The first byte at or after `from` that is not whitespace, and where.
    fn next_significant(&self, from: usize) -> Option<(usize, u8)> {
        let skipped = self
            .bytes
            .get(from..)?
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        tick(skipped + 1);
        let at = from + skipped;
        self.bytes.get(at).map(|&b| (at, b))
    }

    fn run(&mut self) {
        self.tokens();
        // A `concat!(` never closed still holds its pieces.
        if let Some(concat) = self.concat.take()
            && concat.started
        {
            self.push(Literal {
                line: concat.line,
                column: concat.column,
                prefix: concat.prefix,
                value: concat.value,
                allowed: concat.allowed,
            });
        }
    }

    fn tokens(&mut self) {
        if self.text.starts_with("#!") && !self.text.starts_with("#![") {
            // A shebang line.
            let end = self.text.find('\n').unwrap_or(self.text.len());
            self.advance(end);
        }
        while self.pos < self.bytes.len() && self.out.error.is_none() {
            let b = self.bytes[self.pos];
            match b {
                b'/' if self.peek(1) == Some(b'/') => self.line_comment(),
                b'/' if self.peek(1) == Some(b'*') => self.block_comment(),
                b if b.is_ascii_whitespace() => self.advance(1),
                _ => {
                    self.code_line = self.line;
                    let key = std::mem::take(&mut self.doc_key);
                    self.token(b, key);
                }
            }
        }
    }

    /// One token that is not a comment or whitespace; `key` is the `doc_key` before it.
    fn token(&mut self, b: u8, key: u8) {
        match b {
            b'"' => self.string(self.line, self.col + 1, "", key),
            b'\'' => self.quote(),
            b'=' => {
                self.doc_key = if key == 1 { 2 } else { 0 };
                self.advance(1);
            }
            b'#' if self.peek(1) == Some(b'[')
                || (self.peek(1) == Some(b'!') && self.peek(2) == Some(b'[')) =>
            {
                self.attribute();
            }
            b'{' | b'(' | b'[' => self.open(b),
            b'}' | b')' | b']' => self.close(b),
            b';' => {
                self.advance(1);
                scope_semicolon(&mut self.test, self.depth);
                scope_semicolon(&mut self.allowed, self.depth);
                self.pending_inline = None;
            }
            b if b.is_ascii_alphabetic() || b == b'_' => self.ident(key),
            b if b.is_ascii_digit() => {
                let len = self.bytes[self.pos..]
                    .iter()
                    .take_while(|c| is_ident_byte(**c) || **c == b'.')
                    .count();
                self.advance(len.max(1));
            }
            b if b < 0x80 => self.advance(1),
            _ => {
                // A non-ASCII char: step over all of it.
                let len = 1 + self.bytes[self.pos + 1..]
                    .iter()
                    .take(3)
                    .take_while(|c| **c & 0xC0 == 0x80)
                    .count();
                self.advance(len);
            }
        }
    }

    fn open(&mut self, b: u8) {
        if b == b'{'
            && let Some(name) = self.pending_inline.take()
        {
            self.inline.push((name, self.depth));
        }
        if std::mem::take(&mut self.pending_concat) && self.concat.is_none() {
            self.concat = Some(Concat {
                depth: self.depth,
                line: 0,
                column: 0,
                prefix: "",
                value: String::new(),
                allowed: false,
                started: false,
            });
        }
        scope_open(&mut self.test, self.depth, b);
        scope_open(&mut self.allowed, self.depth, b);
        self.depth += 1;
        self.advance(1);
    }

    fn close(&mut self, b: u8) {
        self.depth = self.depth.saturating_sub(1);
        self.advance(1);
        if self.attr == Some(self.depth) {
            self.attr = None;
        }
        if self.inline.last().is_some_and(|(_, d)| *d == self.depth) {
            self.inline.pop();
        }
        if self.concat.as_ref().is_some_and(|c| c.depth >= self.depth)
            && let Some(concat) = self.concat.take()
            && concat.started
        {
            self.push(Literal {
                line: concat.line,
                column: concat.column,
                prefix: concat.prefix,
                value: concat.value,
                allowed: concat.allowed,
            });
        }
        scope_close(&mut self.test, self.depth, b);
        scope_close(&mut self.allowed, self.depth, b);
    }

    /// Keeps a literal that may be a locator.
    fn push(&mut self, literal: Literal) {
        tick(literal.value.len());
        if literal.value.contains(':') {
            self.out.literals.push(literal);
        }
    }

    /// A literal's decoded content, at `line:column`: documentation, test code, a piece of a
    /// `concat!`, or a literal of its own.
    fn literal(
        &mut self,
        line: usize,
        column: usize,
        prefix: &'static str,
        value: String,
        key: u8,
    ) {
        if key == 2 || self.test.is_some() {
            return;
        }
        let allowed = self.allowed.is_some();
        if let Some(concat) = &mut self.concat
            && concat.depth + 1 == self.depth
        {
            tick(value.len());
            if !concat.started {
                *concat = Concat {
                    depth: concat.depth,
                    line,
                    column,
                    prefix,
                    value: String::new(),
                    allowed,
                    started: true,
                };
            }
            concat.value.push_str(&value);
            return;
        }
        self.push(Literal {
            line,
            column,
            prefix,
            value,
            allowed,
        });
    }

    fn line_comment(&mut self) {
        let start = self.pos;
        let end = self.bytes[start..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(self.bytes.len(), |e| start + e);
        tick(end - start);
        let body = self.slice(start, end);
        // Outer doc comments (`///`) document; inner ones (`//!`) may hold a file opt-out.
        let outer_doc = body.starts_with("///") && !body.starts_with("////");
        let inner_doc = body.starts_with("//!");
        if !outer_doc && let Some(optout) = optout::parse(body, inner_doc) {
            let column = self.col + 1 + body.get(..optout.at).map_or(0, |b| b.chars().count());
            self.opt_out(optout, self.line, column, inner_doc);
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
        tick(i - start);
        if depth != 0 {
            self.out.error = Some("unterminated block comment");
            i = self.bytes.len();
        }
        let body = self.slice(start, i);
        let outer_doc = body.starts_with("/**") && !body.starts_with("/***") && body != "/**/";
        let inner_doc = body.starts_with("/*!");
        if !outer_doc {
            // One pass over the comment's lines (`\r\n` ends keep their `\r`, never miscounted).
            for (n, piece) in body.split('\n').enumerate() {
                if let Some(optout) = optout::parse(piece, inner_doc) {
                    let before = piece.get(..optout.at).map_or(0, |b| b.chars().count());
                    let column = before + 1 + if n == 0 { self.col } else { 0 };
                    self.opt_out(optout, self.line + n, column, inner_doc);
                }
            }
        }
        self.advance(i - start);
    }

    /// Applies an opt-out found at `line:column`; a doc comment may only hold `allow-file`.
    fn opt_out(&mut self, optout: OptOut, line: usize, column: usize, doc: bool) {
        if doc && optout.form != Some(Form::File) {
            return;
        }
        let Some(form) = optout.form.filter(|_| optout.has_reason) else {
            self.out.bad_optouts.push(BadOptOut { line, column });
            return;
        };
        match form {
            Form::Line => {
                let trailing = line == self.code_line;
                self.out.line_allows.push((line, trailing));
            }
            Form::File => self.out.allow_file = true,
            Form::Item if self.allowed.is_none() => {
                self.allowed = Some(Scope::Item {
                    depth: self.depth,
                    in_body: false,
                });
            }
            Form::Block if self.allowed.is_none() => {
                self.allowed = Some(Scope::Rest { depth: self.depth });
            }
            Form::Item | Form::Block => {}
        }
    }

    /// An identifier, or the prefix of a literal (`b"`, `r#"`, `br"`, `c"`, `cr#"`), or a raw
    /// identifier (`r#type`).
    fn ident(&mut self, key: u8) {
        let start = self.pos;
        let (line, column) = (self.line, self.col + 1);
        let len = self.bytes[start..]
            .iter()
            .take_while(|c| is_ident_byte(**c))
            .count();
        tick(len);
        let end = start + len;
        let word = self.slice(start, end);
        let next = self.bytes.get(end).copied();
        match (word, next) {
            ("b" | "c", Some(b'"')) => {
                self.advance(len);
                let prefix = if word == "b" { "b" } else { "c" };
                self.string(line, column, prefix, key);
            }
            ("r" | "br" | "cr", Some(b'"' | b'#')) => {
                let hashes = self.bytes[end..].iter().take_while(|c| **c == b'#').count();
                tick(hashes);
                self.advance(len + hashes);
                // Rust allows at most 255 `#`s (more would make each `"` costly to check).
                if self.peek(0) == Some(b'"') && hashes <= MAX_RAW_HASHES {
                    let prefix = match word {
                        "br" => "b",
                        "cr" => "c",
                        _ => "",
                    };
                    self.raw_string(line, column, prefix, hashes, key);
                }
            }
            ("b", Some(b'\'')) => {
                self.advance(len);
                self.quote();
            }
            ("mod", _) => {
                self.advance(len);
                self.module_declaration();
            }
            ("concat", Some(b'!')) => {
                self.pending_concat = self
                    .next_significant(end + 1)
                    .is_some_and(|(_, b)| matches!(b, b'(' | b'[' | b'{'));
                self.advance(len);
            }
            _ => {
                if let Some(attr) = self.attr
                    && (matches!(word, "example" | "examples")
                        || (word == "doc" && self.depth == attr + 1))
                {
                    self.doc_key = 1;
                }
                self.advance(len);
            }
        }
    }

    /// After `mod`: `NAME;` is a declaration, `NAME {` an inline module.
    fn module_declaration(&mut self) {
        let Some((name_start, _)) = self.next_significant(self.pos) else {
            return;
        };
        let name_len = self.bytes[name_start..]
            .iter()
            .take_while(|c| is_ident_byte(**c))
            .count();
        tick(name_len);
        let name = self.slice(name_start, name_start + name_len);
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            return;
        }
        match self.next_significant(name_start + name_len) {
            Some((_, b';')) if self.inline.len() < MAX_INLINE_MODULES => {
                self.out.mods.push(ModDecl {
                    inline: self.inline.iter().map(|(n, _)| n.clone()).collect(),
                    name: name.to_owned(),
                    test: self.test.is_some(),
                });
            }
            Some((_, b'{')) => self.pending_inline = Some(name.to_owned()),
            _ => {}
        }
    }

    /// A `"…"` string whose opening quote is at `self.pos`.
    fn string(&mut self, line: usize, column: usize, prefix: &'static str, key: u8) {
        let mut value = String::new();
        let mut i = self.pos + 1;
        loop {
            let Some(&b) = self.bytes.get(i) else {
                self.out.error = Some("unterminated string literal");
                self.advance(self.bytes.len() - self.pos);
                return;
            };
            match b {
                b'"' => break,
                b'\\' => {
                    let (decoded, used) = unescape(self.text.get(i..).unwrap_or("\\"));
                    if let Some(c) = decoded {
                        value.push(c);
                    }
                    i += used.max(1);
                }
                _ => match self.text.get(i..).and_then(|r| r.chars().next()) {
                    Some(c) => {
                        value.push(c);
                        i += c.len_utf8();
                    }
                    None => i += 1,
                },
            }
        }
        self.advance(i + 1 - self.pos);
        self.literal(line, column, prefix, value, key);
    }

    /// A raw string `r#"…"#` whose opening quote is at `self.pos`.
    fn raw_string(
        &mut self,
        line: usize,
        column: usize,
        prefix: &'static str,
        hashes: usize,
        key: u8,
    ) {
        let body_start = self.pos + 1;
        let mut from = body_start;
        let close = loop {
            let Some(quote) = self
                .bytes
                .get(from..)
                .and_then(|rest| rest.iter().position(|b| *b == b'"'))
                .map(|q| from + q)
            else {
                self.out.error = Some("unterminated raw string literal");
                self.advance(self.bytes.len() - self.pos);
                return;
            };
            tick(hashes + 1);
            let closing = self
                .bytes
                .get(quote + 1..quote + 1 + hashes)
                .is_some_and(|h| h.iter().all(|b| *b == b'#'));
            if closing {
                break quote;
            }
            from = quote + 1;
        };
        let value = self.slice(body_start, close).to_owned();
        self.advance(close + 1 + hashes - self.pos);
        self.literal(line, column, prefix, value, key);
    }

    /// A `'`: a char literal (`'x'`, `'\n'`, `'\u{1F600}'`) or a lifetime/label (`'a`).
    fn quote(&mut self) {
        let rest = self.text.get(self.pos + 1..).unwrap_or("");
        let mut chars = rest.chars();
        match chars.next() {
            Some('\\') => {
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

    /// `#[…]` or `#![…]`: scanned like code (its literals count), noting `cfg(test)` from its
    /// first bytes only (an unclosed `#[` costs no more than any other text).
    fn attribute(&mut self) {
        let inner = self.peek(1) == Some(b'!');
        let open = self.pos + if inner { 2 } else { 1 };
        let mut depth = 0usize;
        let mut words = String::new();
        let prefix = self
            .bytes
            .get(open..(open + ATTRIBUTE_PREFIX).min(self.bytes.len()))
            .unwrap_or(&[]);
        tick(prefix.len());
        for &b in prefix {
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
                b if is_ident_byte(b) || b == b',' => words.push(b as char),
                _ => {}
            }
        }
        let is_test = words.starts_with("[cfg(test)") || words.starts_with("[cfg(all(test,");
        if is_test && self.test.is_none() {
            self.test = Some(if inner {
                Scope::Rest { depth: self.depth }
            } else {
                Scope::Item {
                    depth: self.depth,
                    in_body: false,
                }
            });
        }
        if self.attr.is_none() {
            self.attr = Some(self.depth);
        }
        // Continue lexing inside the attribute normally (its literals are scanned).
        self.advance(if inner { 2 } else { 1 });
    }
}

/// Decodes one escape starting at `\\`; returns the char (if any: a line continuation yields
/// none) and the bytes used, always ending on a char boundary.
fn unescape(s: &str) -> (Option<char>, usize) {
    let Some(c) = s.get(1..).and_then(|r| r.chars().next()) else {
        return (None, s.len().max(1));
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
            let digits = s.as_bytes()[2..]
                .iter()
                .take(2)
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            let value = s
                .get(2..2 + digits)
                .and_then(|d| u8::from_str_radix(d, 16).ok());
            (value.map(char::from), 2 + digits)
        }
        'u' => {
            // `\u{…}`: at most a few hex digits (and `_`) before the `}`.
            let body = s.get(2..).and_then(|r| r.strip_prefix('{')).unwrap_or("");
            let len = body
                .bytes()
                .take(8)
                .take_while(|b| b.is_ascii_hexdigit() || *b == b'_')
                .count();
            if body.as_bytes().get(len) == Some(&b'}') {
                let code = body
                    .get(..len)
                    .and_then(|d| u32::from_str_radix(&d.replace('_', ""), 16).ok())
                    .and_then(char::from_u32);
                (code, 3 + len + 1)
            } else {
                (None, 2)
            }
        }
        '\n' | '\r' => {
            // Line continuation: skip the newline and the next line's leading whitespace.
            let rest = &s[1..];
            let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
            tick(skipped);
            (None, 1 + skipped)
        }
        other => (Some(other), 1 + other.len_utf8()),
    }
}
