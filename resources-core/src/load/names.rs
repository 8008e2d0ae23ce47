//! The compile-time check that no two variables of a struct share a name once the prefixes of
//! its flattened fields apply, or once a derived name drops its `_URL` (a custom locator that
//! is not URL-shaped): names the derive cannot see. A name whose `_URL` the type decides is
//! also checked against the `_FILE` forms and the indexed names of the others, as the derive
//! checks the names it sees.

use super::manifest::{Entry, Manifest, Presence, VarDecl};

/// How deep prefixes may nest (container and flatten prefixes, plus the name).
const DEPTH: usize = 16;

/// A variable name (or a field path) as the pieces that build it, compared without allocating.
#[derive(Clone, Copy)]
struct Chain {
    parts: [&'static str; DEPTH],
    len: usize,
}

const EMPTY: Chain = Chain {
    parts: [""; DEPTH],
    len: 0,
};

const fn push(mut chain: Chain, part: &'static str) -> Chain {
    if chain.len == DEPTH {
        panic!("flattened structs nest too deep for #[derive(Resources)]");
    }
    chain.parts[chain.len] = part;
    chain.len += 1;
    chain
}

/// Whether two chains spell the same name.
const fn chain_eq(a: &Chain, b: &Chain) -> bool {
    let (mut ap, mut ai, mut bp, mut bi) = (0, 0, 0, 0);
    loop {
        while ap < a.len && ai == a.parts[ap].len() {
            ap += 1;
            ai = 0;
        }
        while bp < b.len && bi == b.parts[bp].len() {
            bp += 1;
            bi = 0;
        }
        if ap == a.len || bp == b.len {
            return ap == a.len && bp == b.len;
        }
        if a.parts[ap].as_bytes()[ai] != b.parts[bp].as_bytes()[bi] {
            return false;
        }
        ai += 1;
        bi += 1;
    }
}

/// How one name is to another.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Relation {
    /// Neither is the other, its `_FILE` form or one of its indexed names.
    Apart,
    /// The same name.
    Same,
    /// The first is the `_FILE` form of the second.
    FileOfSecond,
    /// The second is the `_FILE` form of the first.
    FileOfFirst,
    /// The first is `second_<digits>`.
    IndexOfSecond,
    /// The second is `first_<digits>`.
    IndexOfFirst,
}

/// What the rest of a longer name makes it: `_FILE` (`Some(true)`), `_<digits>`
/// (`Some(false)`), or neither.
const fn suffix(rest: &[u8]) -> Option<bool> {
    match rest {
        b"_FILE" => Some(true),
        [b'_', digits @ ..] if !digits.is_empty() => {
            let mut i = 0;
            while i < digits.len() {
                if !digits[i].is_ascii_digit() {
                    return None;
                }
                i += 1;
            }
            Some(false)
        }
        _ => None,
    }
}

/// How `a` is to `b` (two names under the same prefix), in one pass over the shorter.
const fn relate(a: &str, b: &str) -> Relation {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let common = if a.len() < b.len() { a.len() } else { b.len() };
    let mut i = 0;
    while i < common {
        if a[i] != b[i] {
            return Relation::Apart;
        }
        i += 1;
    }
    if a.len() == b.len() {
        return Relation::Same;
    }
    let (longer_first, rest) = if a.len() > b.len() {
        (true, a.split_at(common).1)
    } else {
        (false, b.split_at(common).1)
    };
    match (suffix(rest), longer_first) {
        (Some(true), true) => Relation::FileOfSecond,
        (Some(true), false) => Relation::FileOfFirst,
        (Some(false), true) => Relation::IndexOfSecond,
        (Some(false), false) => Relation::IndexOfFirst,
        (None, _) => Relation::Apart,
    }
}

/// The `k`-th name a variable is read from, and what it is to its field.
const fn var_name(v: &VarDecl, k: usize) -> Option<(&'static str, &'static str)> {
    let (a, d, p) = (v.aliases.len(), v.deprecated.len(), v.parts.len());
    if k == 0 {
        Some((v.name, "the variable"))
    } else if k <= a {
        Some((v.aliases[k - 1], "an alias"))
    } else if k <= a + d {
        Some((v.deprecated[k - 1 - a], "a deprecated name"))
    } else if k <= a + d + p {
        Some((v.parts[k - 1 - a - d].name, "a part variable"))
    } else {
        None
    }
}

/// Where a name is found: what it is (`an alias`) of which field (`replica.url`).
#[derive(Clone, Copy)]
struct Found {
    what: &'static str,
    path: Chain,
}

/// The name `target` among the names of one entry (read under `chain`, the field path so far
/// being `path`).
const fn find_in_entry(entry: &Entry, chain: Chain, path: Chain, target: &Chain) -> Option<Found> {
    match entry {
        Entry::Var(v) => {
            let mut k = 0;
            while let Some((name, what)) = var_name(v, k) {
                if chain_eq(&push(chain, name), target) {
                    return Some(Found {
                        what,
                        path: push(path, v.field),
                    });
                }
                k += 1;
            }
            None
        }
        Entry::Flatten(f) => {
            let m = f.manifest;
            let chain = push(push(chain, f.prefix), m.prefix);
            let path = push(push(path, f.field), ".");
            let mut e = 0;
            while e < m.entries.len() {
                if let Some(found) = find_in_entry(&m.entries[e], chain, path, target) {
                    return Some(found);
                }
                e += 1;
            }
            None
        }
    }
}

/// The name `target` among the fields of `root` other than `index`: every variable field, and
/// the flattened fields before `flattened_before` (a collision of two checked fields is
/// reported once, at the later one).
const fn find_other(
    root: &'static Manifest,
    index: usize,
    flattened_before: usize,
    target: &Chain,
) -> Option<Found> {
    let chain = push(EMPTY, root.prefix);
    let mut e = 0;
    while e < root.entries.len() {
        let entry = &root.entries[e];
        let wanted = match entry {
            Entry::Var(_) => e != index,
            Entry::Flatten(_) => e < flattened_before,
        };
        if wanted && let Some(found) = find_in_entry(entry, chain, EMPTY, target) {
            return Some(found);
        }
        e += 1;
    }
    None
}

/// The bytes a message holds: a const panic formats a single `&str`.
const CAPACITY: usize = 512;

/// Ends a message cut short.
const ELLIPSIS: &str = "…";

/// A message built in const evaluation, cut at a character boundary and ended with `…` when
/// it does not fit.
struct Message {
    buf: [u8; CAPACITY],
    len: usize,
    cut: bool,
}

impl Message {
    const fn new() -> Self {
        Message {
            buf: [0; CAPACITY],
            len: 0,
            cut: false,
        }
    }

    const fn copy(&mut self, bytes: &[u8], n: usize) {
        let mut i = 0;
        while i < n {
            self.buf[self.len + i] = bytes[i];
            i += 1;
        }
        self.len += n;
    }

    /// Appends `text`, or as much of it as fits before a final `…` (room for which is always
    /// kept); nothing more is appended once the message is cut.
    const fn put(&mut self, text: &str) {
        if self.cut {
            return;
        }
        let bytes = text.as_bytes();
        let room = CAPACITY - ELLIPSIS.len() - self.len;
        if bytes.len() <= room {
            self.copy(bytes, bytes.len());
            return;
        }
        let mut n = room;
        // Back off to a character boundary: not inside a UTF-8 sequence.
        while n > 0 && bytes[n] & 0xC0 == 0x80 {
            n -= 1;
        }
        self.copy(bytes, n);
        self.copy(ELLIPSIS.as_bytes(), ELLIPSIS.len());
        self.cut = true;
    }

    const fn put_all(&mut self, texts: &[&str]) {
        let mut i = 0;
        while i < texts.len() {
            self.put(texts[i]);
            i += 1;
        }
    }

    const fn put_chain(&mut self, chain: &Chain) {
        let mut i = 0;
        while i < chain.len {
            self.put(chain.parts[i]);
            i += 1;
        }
    }

    /// `` `name` ``.
    const fn put_name(&mut self, name: &Chain) {
        self.put("`");
        self.put_chain(name);
        self.put("`");
    }

    /// `` (an alias of field `replica.url` ``, without the closing parenthesis.
    const fn put_found(&mut self, found: &Found) {
        self.put(" (");
        self.put(found.what);
        self.put(" of field `");
        self.put_chain(&found.path);
        self.put("`");
    }

    const fn text(&self) -> &str {
        match core::str::from_utf8(self.buf.split_at(self.len).0) {
            Ok(text) => text,
            Err(_) => "two variables of this struct have the same name",
        }
    }
}

/// `first`, `is also the variable of field `other``, `last`.
const fn collision(
    first: &[&str],
    name: &Chain,
    middle: &[&str],
    found: &Found,
    last: &[&str],
) -> Message {
    let mut m = Message::new();
    m.put_all(first);
    m.put_chain(name);
    m.put_all(middle);
    m.put(" is also ");
    m.put(found.what);
    m.put(" of field `");
    m.put_chain(&found.path);
    m.put("`");
    m.put_all(last);
    m
}

/// The first name under the flattened field `index` of `root` (its manifest `m`, read under
/// `chain`) that another field also has.
const fn check_flattened(
    m: &'static Manifest,
    chain: Chain,
    root: &'static Manifest,
    index: usize,
) -> Option<(Chain, Found)> {
    let chain = push(chain, m.prefix);
    let mut e = 0;
    while e < m.entries.len() {
        match &m.entries[e] {
            Entry::Var(v) => {
                let mut k = 0;
                while let Some((name, _)) = var_name(v, k) {
                    let target = push(chain, name);
                    if let Some(found) = find_other(root, index, index, &target) {
                        return Some((target, found));
                    }
                    k += 1;
                }
            }
            Entry::Flatten(f) => {
                if let Some(hit) = check_flattened(f.manifest, push(chain, f.prefix), root, index) {
                    return Some(hit);
                }
            }
        }
        e += 1;
    }
    None
}

/// Whether `e` is among `checked` (the fields that have a check of their own).
const fn contains(checked: &[usize], e: usize) -> bool {
    let mut i = 0;
    while i < checked.len() {
        if checked[i] == e {
            return true;
        }
        i += 1;
    }
    false
}

/// A name that clashes with `name` (the variable of field `index`, a list if `list`): another
/// field's name that is the same, the `_FILE` form of one of the two, or one of the indexed
/// names of the one that is a list; its own aliases count too. How the two relate, the other
/// name, where it is. A clash of the two main names of two checked fields is left to the
/// later one. Both are read under the container prefix: the names compare as written.
const fn clash(
    root: &'static Manifest,
    index: usize,
    checked: &[usize],
    name: &str,
    list: bool,
) -> Option<(Relation, &'static str, Found)> {
    let mut e = 0;
    while e < root.entries.len() {
        if let Entry::Var(other) = &root.entries[e] {
            // Its own name is not compared with itself.
            let mut k = if e == index { 1 } else { 0 };
            while let Some((n, what)) = var_name(other, k) {
                let relation = relate(name, n);
                let reported = match relation {
                    Relation::Apart => false,
                    Relation::Same | Relation::FileOfFirst | Relation::FileOfSecond => true,
                    Relation::IndexOfFirst => list,
                    Relation::IndexOfSecond => {
                        k == 0 && matches!(other.presence, Presence::List { .. })
                    }
                };
                // Looked up only on a clash: the scan stays one comparison per name.
                if reported && !(k == 0 && e > index && contains(checked, e)) {
                    let found = Found {
                        what,
                        path: push(EMPTY, other.field),
                    };
                    return Some((relation, n, found));
                }
                k += 1;
            }
        }
        e += 1;
    }
    None
}

/// Fails compilation (in a `const` item the derive writes at the field) when a name of field
/// `index` of `root` clashes with a name of another field once every prefix applies: for a
/// flattened field, each of its variables is also a name of another field; for a variable
/// field, its name (derived with `_URL` only when its locator type is URL-shaped) is also
/// another name, its `_FILE` form, or one of the indexed names of a list, or the other way
/// round. `checked` lists the fields that have such a check: a clash of two of them is
/// reported once. The message names both variables and both fields. The derive checks the
/// names it can see; this checks the ones only the types know.
pub const fn check_unique_names(root: &'static Manifest, index: usize, checked: &[usize]) {
    let chain = push(EMPTY, root.prefix);
    let message = match &root.entries[index] {
        Entry::Flatten(f) => {
            match check_flattened(f.manifest, push(chain, f.prefix), root, index) {
                Some((name, found)) => collision(
                    &["`"],
                    &name,
                    &["` of flattened field `", f.field, "`"],
                    &found,
                    &[": give `", f.field, "` another `prefix`"],
                ),
                None => return,
            }
        }
        Entry::Var(v) => {
            let list = matches!(v.presence, Presence::List { .. });
            match clash(root, index, checked, v.name, list) {
                Some((relation, other, found)) => clash_message(
                    v,
                    &push(chain, v.name),
                    relation,
                    &push(chain, other),
                    &found,
                ),
                None => return,
            }
        }
    };
    panic!("{}", message.text());
}

/// The message for a clash of `name`, the variable of `v`, with `other`.
const fn clash_message(
    v: &VarDecl,
    name: &Chain,
    relation: Relation,
    other: &Chain,
    found: &Found,
) -> Message {
    let b = v.name.as_bytes();
    // The derived name kept its `_URL` (the type is URL-shaped) or dropped it.
    let kept = b.len() >= 4 && matches!(b.split_at(b.len() - 4).1, b"_URL");
    let this: &[&str] = &[
        " (field `",
        v.field,
        if kept {
            "`)"
        } else {
            "`: its type is not URL-shaped, so the derived name has no `_URL`)"
        },
    ];
    let mut m = Message::new();
    // The `_FILE` form and the name it stands for.
    let file = match relation {
        Relation::Same | Relation::Apart => {
            m.put_name(name);
            m.put_all(this);
            m.put(" is also ");
            m.put(found.what);
            m.put(" of field `");
            m.put_chain(&found.path);
            m.put("`");
            None
        }
        Relation::FileOfSecond => {
            m.put_name(name);
            m.put_all(this);
            m.put(" is the file form of ");
            m.put_name(other);
            m.put_found(found);
            m.put(")");
            Some((name, other))
        }
        Relation::FileOfFirst => {
            m.put_name(other);
            m.put_found(found);
            m.put(") is the file form of ");
            m.put_name(name);
            m.put_all(this);
            Some((other, name))
        }
        Relation::IndexOfSecond => {
            m.put_name(name);
            m.put_all(this);
            m.put(" is one of the indexed variables of the list ");
            m.put_name(other);
            m.put_found(found);
            m.put(")");
            None
        }
        Relation::IndexOfFirst => {
            m.put_name(other);
            m.put_found(found);
            m.put(") is one of the indexed variables of the list ");
            m.put_name(name);
            m.put_all(this);
            None
        }
    };
    match file {
        Some((file, base)) => {
            m.put(": the value of ");
            m.put_name(base);
            m.put(" may be read from the file ");
            m.put_name(file);
            m.put(" names; name one of them with `env = \"…\"`");
        }
        None => m.put(": name one of them with `env = \"…\"`"),
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locator;

    #[test]
    fn relations_of_two_names() {
        assert_eq!(relate("HOOK_URL", "HOOK_URL"), Relation::Same);
        assert_eq!(relate("HOOK_URL_FILE", "HOOK_URL"), Relation::FileOfSecond);
        assert_eq!(relate("HOOK_URL", "HOOK_URL_FILE"), Relation::FileOfFirst);
        assert_eq!(relate("HOOKS_URL_12", "HOOKS_URL"), Relation::IndexOfSecond);
        assert_eq!(relate("HOOKS_URL", "HOOKS_URL_0"), Relation::IndexOfFirst);
        for (a, b) in [
            ("HOOK_URL", "HOOK"),
            ("HOOK_URL_", "HOOK_URL"),
            ("HOOK_URL_FILES", "HOOK_URL"),
            ("HOOK_URL_0A", "HOOK_URL"),
            ("HOOK_URLFILE", "HOOK_URL"),
            ("HOOK_URL_0_FILE", "HOOK_URL"),
            ("HOOK_URL", "HOOK_URI"),
        ] {
            assert_eq!(relate(a, b), Relation::Apart, "{a} {b}");
            assert_eq!(relate(b, a), Relation::Apart, "{b} {a}");
        }
    }

    #[test]
    fn a_message_that_does_not_fit_ends_with_an_ellipsis() {
        let mut m = Message::new();
        m.put("`");
        m.put("x");
        // 507 bytes are left before the `…`: the cut backs off to a character boundary.
        m.put(&"é".repeat(400));
        m.put("` is never shown");
        let text = m.text();
        assert_eq!(text.len(), 2 + 2 * 253 + ELLIPSIS.len());
        assert!(text.starts_with("`xéé"), "{text}");
        assert!(text.ends_with("é…"), "{text}");
        assert!(!text.contains("never"), "{text}");

        let mut m = Message::new();
        m.put("fits");
        assert_eq!(m.text(), "fits");
    }

    const fn var(field: &'static str, name: &'static str, presence: Presence) -> Entry {
        Entry::Var(VarDecl {
            field,
            name,
            aliases: &[],
            deprecated: &[],
            parts: &[],
            empty_is_unset: false,
            binding: None,
            presence,
            description: "",
            example: None,
            locator: <crate::Secret<String> as Locator>::FNS,
            setting: false,
            default: None,
        })
    }

    /// The message `check_unique_names` fails with (it panics at run time as it would in
    /// const evaluation).
    fn failure(root: &'static Manifest, index: usize, checked: &[usize]) -> Option<String> {
        let checked = checked.to_vec();
        std::panic::catch_unwind(move || check_unique_names(root, index, &checked))
            .err()
            .map(|p| match p.downcast::<String>() {
                Ok(s) => *s,
                Err(p) => p.downcast_ref::<&str>().unwrap_or(&"").to_string(),
            })
    }

    const LONG: &str = match core::str::from_utf8(&[b'P'; 600]) {
        Ok(s) => s,
        Err(_) => "",
    };

    #[test]
    fn a_long_prefix_is_cut_after_the_name_begins() {
        static ROOT: Manifest = Manifest {
            type_name: "Backing",
            prefix: LONG,
            entries: &[
                var("hook", "HOOK_URL", Presence::Required),
                var("other", "HOOK_URL_FILE", Presence::Required),
            ],
        };
        let message = failure(&ROOT, 0, &[0]).unwrap_or_default();
        assert!(message.starts_with("`PPPP"), "{message}");
        assert!(message.ends_with('…'), "{message}");
        assert!(message.len() <= CAPACITY, "{}", message.len());
    }

    #[test]
    fn clashes_of_a_checked_name() {
        static ROOT: Manifest = Manifest {
            type_name: "Backing",
            prefix: "APP_",
            entries: &[
                var("hooks", "HOOKS_URL", Presence::List { min: 0 }),
                var("first", "HOOKS_URL_0", Presence::Required),
                var("relay", "RELAY_URL", Presence::Required),
                var("relay_url_file", "RELAY_URL_FILE", Presence::Required),
                var("token", "TOKEN", Presence::Required),
            ],
        };
        let checked = [0, 2, 3, 4];
        assert_eq!(
            failure(&ROOT, 0, &checked).as_deref(),
            Some(
                "`APP_HOOKS_URL_0` (the variable of field `first`) is one of the indexed \
                 variables of the list `APP_HOOKS_URL` (field `hooks`): name one of them with \
                 `env = \"…\"`"
            )
        );
        // Two checked fields: reported once, at the later one.
        assert_eq!(failure(&ROOT, 2, &checked), None);
        assert_eq!(
            failure(&ROOT, 3, &checked).as_deref(),
            Some(
                "`APP_RELAY_URL_FILE` (field `relay_url_file`: its type is not URL-shaped, so \
                 the derived name has no `_URL`) is the file form of `APP_RELAY_URL` (the \
                 variable of field `relay`): the value of `APP_RELAY_URL` may be read from the \
                 file `APP_RELAY_URL_FILE` names; name one of them with `env = \"…\"`"
            )
        );
        assert_eq!(failure(&ROOT, 4, &checked), None);
    }
}
