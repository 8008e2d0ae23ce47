//! Which files are test code: the module tree of every crate root of the package.
//!
//! A file is test code when every `mod` path that reaches it from a crate root passes a
//! `#[cfg(test)]` declaration, per root: `#[cfg(test)] mod config;` in `src/main.rs` does not
//! exempt `src/config.rs` when `src/lib.rs` declares `mod config;`. A root is any scanned file
//! that no other declares (`src/lib.rs`, `src/main.rs`, `src/bin/*.rs`, `build.rs`, …); a file
//! no root reaches is audited.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::lexer::ModDecl;
use super::work::tick;

/// The files (of `files`, each with its declarations) that only test code reaches.
pub(super) fn test_only(files: &[(PathBuf, Vec<ModDecl>)]) -> HashSet<PathBuf> {
    let index: HashMap<&Path, usize> = files
        .iter()
        .enumerate()
        .map(|(i, (path, _))| (path.as_path(), i))
        .collect();
    // Edges: file → (declared file, through a test declaration).
    let mut edges: Vec<Vec<(usize, bool)>> = vec![Vec::new(); files.len()];
    let mut declared = vec![false; files.len()];
    for (from, (path, decls)) in files.iter().enumerate() {
        let base = module_dir(path);
        for decl in decls {
            tick(decl.inline.len() + 1);
            let mut dir = base.clone();
            dir.extend(&decl.inline);
            let flat = dir.join(format!("{}.rs", decl.name));
            let nested = dir.join(&decl.name).join("mod.rs");
            let target = index
                .get(flat.as_path())
                .or_else(|| index.get(nested.as_path()));
            if let Some(&to) = target
                && to != from
            {
                edges[from].push((to, decl.test));
                declared[to] = true;
            }
        }
    }
    // Reach every file from the roots, as real code (false) or test code (true).
    let mut seen = vec![[false; 2]; files.len()];
    let mut stack: Vec<(usize, bool)> = (0..files.len())
        .filter(|i| !declared[*i])
        .map(|i| (i, false))
        .collect();
    while let Some((file, test)) = stack.pop() {
        tick(1);
        if std::mem::replace(&mut seen[file][usize::from(test)], true) {
            continue;
        }
        for &(to, through_test) in &edges[file] {
            stack.push((to, test || through_test));
        }
    }
    files
        .iter()
        .zip(&seen)
        .filter(|(_, [real, test])| *test && !*real)
        .map(|((path, _), _)| path.clone())
        .collect()
}

/// Where the files of the modules a file declares live: beside `lib.rs`, `main.rs` and
/// `mod.rs`, else in the directory named after the file.
fn module_dir(file: &Path) -> PathBuf {
    let parent = file.parent().unwrap_or(Path::new("")).to_owned();
    match file.file_stem().and_then(|s| s.to_str()) {
        Some("lib" | "main" | "mod") | None => parent,
        Some(stem) => parent.join(stem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decl(name: &str, test: bool) -> ModDecl {
        ModDecl {
            inline: Vec::new(),
            name: name.to_owned(),
            test,
        }
    }

    #[test]
    fn test_modules_are_per_root() {
        let files = vec![
            (PathBuf::from("src/lib.rs"), vec![decl("config", false)]),
            (
                PathBuf::from("src/main.rs"),
                vec![decl("config", true), decl("fixtures", true)],
            ),
            (PathBuf::from("src/config.rs"), vec![]),
            (PathBuf::from("src/fixtures.rs"), vec![decl("data", false)]),
            (PathBuf::from("src/fixtures/data.rs"), vec![]),
        ];
        let test = test_only(&files);
        assert!(!test.contains(Path::new("src/config.rs")));
        assert!(test.contains(Path::new("src/fixtures.rs")));
        assert!(test.contains(Path::new("src/fixtures/data.rs")));
        assert_eq!(test.len(), 2);
    }
}
