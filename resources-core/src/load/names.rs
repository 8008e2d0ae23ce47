//! The compile-time check that no two variables of a struct share a name once the prefixes of
//! its flattened fields apply.

use super::manifest::{Entry, Manifest};

/// How deep prefixes may nest (container and flatten prefixes, plus the name).
const DEPTH: usize = 16;

/// A variable name as the prefixes that build it, compared without allocating.
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

/// How many names of `m` (under `chain`) equal `target`.
const fn count(m: &'static Manifest, chain: Chain, target: &Chain) -> usize {
    let chain = push(chain, m.prefix);
    let mut n = 0;
    let mut e = 0;
    while e < m.entries.len() {
        match &m.entries[e] {
            Entry::Var(v) => {
                if chain_eq(&push(chain, v.name), target) {
                    n += 1;
                }
                let mut a = 0;
                while a < v.aliases.len() {
                    if chain_eq(&push(chain, v.aliases[a]), target) {
                        n += 1;
                    }
                    a += 1;
                }
                let mut d = 0;
                while d < v.deprecated.len() {
                    if chain_eq(&push(chain, v.deprecated[d]), target) {
                        n += 1;
                    }
                    d += 1;
                }
                let mut p = 0;
                while p < v.parts.len() {
                    if chain_eq(&push(chain, v.parts[p].name), target) {
                        n += 1;
                    }
                    p += 1;
                }
            }
            Entry::Flatten(f) => n += count(f.manifest, push(chain, f.prefix), target),
        }
        e += 1;
    }
    n
}

const fn check_walk(
    m: &'static Manifest,
    chain: Chain,
    root: &'static Manifest,
    message: &'static str,
) {
    let chain = push(chain, m.prefix);
    let mut e = 0;
    while e < m.entries.len() {
        match &m.entries[e] {
            Entry::Var(v) => {
                if count(root, EMPTY, &push(chain, v.name)) > 1 {
                    panic!("{}", message);
                }
                let mut a = 0;
                while a < v.aliases.len() {
                    if count(root, EMPTY, &push(chain, v.aliases[a])) > 1 {
                        panic!("{}", message);
                    }
                    a += 1;
                }
                let mut d = 0;
                while d < v.deprecated.len() {
                    if count(root, EMPTY, &push(chain, v.deprecated[d])) > 1 {
                        panic!("{}", message);
                    }
                    d += 1;
                }
                let mut p = 0;
                while p < v.parts.len() {
                    if count(root, EMPTY, &push(chain, v.parts[p].name)) > 1 {
                        panic!("{}", message);
                    }
                    p += 1;
                }
            }
            Entry::Flatten(f) => check_walk(f.manifest, push(chain, f.prefix), root, message),
        }
        e += 1;
    }
}

/// Fails compilation (in a `const` item) when two variables of a struct with flattened fields
/// get the same name once every prefix applies. The derive checks names it can see; this
/// checks the ones only the nested structs know.
pub const fn check_unique_names(root: &'static Manifest, message: &'static str) {
    check_walk(root, EMPTY, root, message);
}
