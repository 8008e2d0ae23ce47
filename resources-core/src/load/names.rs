//! The compile-time check that no two variables of a struct share a name once the prefixes of
//! its flattened fields apply, or once a derived name drops its `_URL` (a custom locator that
//! is not URL-shaped): names the derive cannot see.

use super::manifest::{Entry, Manifest, VarDecl};

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

/// A message built in const evaluation: a const panic formats a single `&str`.
struct Message {
    buf: [u8; 512],
    len: usize,
}

impl Message {
    /// Appends `text` if it fits (else the message stays as it is: whole pieces only, so it
    /// stays UTF-8).
    const fn put(&mut self, text: &str) {
        let bytes = text.as_bytes();
        if self.len + bytes.len() > self.buf.len() {
            return;
        }
        let mut i = 0;
        while i < bytes.len() {
            self.buf[self.len + i] = bytes[i];
            i += 1;
        }
        self.len += bytes.len();
    }

    const fn put_chain(&mut self, chain: &Chain) {
        let mut i = 0;
        while i < chain.len {
            self.put(chain.parts[i]);
            i += 1;
        }
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
    let mut m = Message {
        buf: [0; 512],
        len: 0,
    };
    let mut i = 0;
    while i < first.len() {
        m.put(first[i]);
        i += 1;
    }
    m.put_chain(name);
    let mut i = 0;
    while i < middle.len() {
        m.put(middle[i]);
        i += 1;
    }
    m.put(" is also ");
    m.put(found.what);
    m.put(" of field `");
    m.put_chain(&found.path);
    m.put("`");
    let mut i = 0;
    while i < last.len() {
        m.put(last[i]);
        i += 1;
    }
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

/// Fails compilation (in a `const` item the derive writes at the field) when a name of field
/// `index` of `root` is also a name of another field once every prefix applies: for a
/// flattened field, each of its variables; for a variable field, its name (derived with
/// `_URL` only when its locator type is URL-shaped). The message names the variable and both
/// fields. The derive checks the names it can see; this checks the ones only the types know.
pub const fn check_unique_names(root: &'static Manifest, index: usize) {
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
            let name = push(chain, v.name);
            let b = v.name.as_bytes();
            // The derived name kept its `_URL` (the type is URL-shaped) or dropped it.
            let kept = b.len() >= 4 && matches!(b.split_at(b.len() - 4).1, b"_URL");
            match find_other(root, index, 0, &name) {
                Some(found) => collision(
                    &["`"],
                    &name,
                    &[
                        "` (field `",
                        v.field,
                        if kept {
                            "`)"
                        } else {
                            "`: its type is not URL-shaped, so the derived name has no `_URL`)"
                        },
                    ],
                    &found,
                    &[": name one of them with `env = \"…\"`"],
                ),
                None => return,
            }
        }
    };
    panic!("{}", message.text());
}
