//! Variables under a container prefix that nothing reads: a typo (`APP_DATABSE_URL`) or a
//! leftover, reported as a warning, or as a problem under `#[resources(strict)]`.

use crate::source::Source;

use super::manifest::{Manifest, Presence};

/// Every name under the container prefix of `manifest` that `source` holds and no field reads,
/// with the closest name the struct reads (when one is close). Empty when the struct has no
/// prefix or the source cannot list its names.
pub(crate) fn unknown_names(
    source: &dyn Source,
    manifest: &'static Manifest,
) -> Vec<(String, Option<String>)> {
    if manifest.prefix.is_empty() {
        return Vec::new();
    }
    let Some(mut set) = source.names_with_prefix(manifest.prefix) else {
        return Vec::new();
    };
    set.sort_unstable();
    set.dedup();
    let vars = manifest.vars();
    let mut exact: Vec<String> = Vec::new();
    let mut stems: Vec<String> = Vec::new();
    for v in &vars {
        let names = std::iter::once(&v.name)
            .chain(&v.aliases)
            .chain(&v.deprecated)
            .chain(v.parts.iter().map(|(_, n)| n));
        for name in names {
            if let Presence::List { .. } = v.decl.presence {
                stems.push(format!("{name}_"));
            } else {
                exact.push(name.clone());
                exact.push(format!("{name}_FILE"));
            }
        }
    }
    let is_read = |name: &str| {
        exact.iter().any(|e| e == name)
            || stems.iter().any(|stem| {
                name.strip_prefix(stem.as_str()).is_some_and(|rest| {
                    let index = rest.strip_suffix("_FILE").unwrap_or(rest);
                    !index.is_empty() && index.bytes().all(|b| b.is_ascii_digit())
                })
            })
    };
    set.into_iter()
        .filter(|name| !is_read(name))
        .map(|name| {
            let suggestion = exact
                .iter()
                .filter(|e| !e.ends_with("_FILE"))
                .map(|e| (distance(name, e), e))
                .filter(|(d, e)| *d <= 3.max(e.len() / 6))
                .min_by_key(|(d, _)| *d)
                .map(|(_, e)| e.clone());
            (name.to_owned(), suggestion)
        })
        .collect()
}

/// Levenshtein distance, bounded in work by the names' lengths (variable names are short).
fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > 256 || b.len() > 256 {
        return usize::MAX;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
