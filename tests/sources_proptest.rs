//! A fixed-budget property campaign over the `.env` parser, the secrets-directory reader and
//! `NAME_FILE` values: no panic, reads bounded by the limit, and no generated secret in any
//! problem text, error or `Debug`.
//!
//! Every secret starts with `Zq`, which no message of the crate holds, so a hit is a leak.

use std::cell::Cell;
use std::path::PathBuf;

use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRng, TestRunner};
use resources::{DotEnv, Loader, MapSource, PostgresUrl, Secret, SecretsDir, Source, Value};

/// A runner with a fixed seed: the same inputs on every run, so the budget is reproducible.
fn runner(cases: u32) -> TestRunner {
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let rng = TestRng::deterministic_rng(config.rng_algorithm);
    TestRunner::new_with_rng(config, rng)
}

/// Runs `test` on `cases` inputs of `strategy`; returns how many ran.
fn campaign<S: Strategy>(
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> usize
where
    S::Value: std::fmt::Debug,
{
    let ran = Cell::new(0usize);
    let result = runner(cases).run(&strategy, |input| {
        ran.set(ran.get() + 1);
        test(input)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(ran.get() >= cases as usize);
    ran.get()
}

/// A secret: `Zq` then characters a token or password uses.
fn secret() -> impl Strategy<Value = String> {
    "Zq[A-Za-z0-9+/=_.~!*@:%?&#$'\" -]{6,24}"
}

fn leaks(text: &str, secret: &str) -> bool {
    text.contains(secret)
}

/// Everything a load of `names` from `source` prints: problems, errors and `Debug`s.
fn everything_shown<S: Source + std::fmt::Debug>(source: &S, names: &[String]) -> String {
    let mut out = format!("{source:?}");
    for name in names {
        if let Some(found) = source.lookup(name) {
            out.push_str(&format!("{found:?} {:?} {}", found.value, found.origin));
        }
        let mut loader = Loader::new(source as &dyn Source);
        let _ = loader.required::<PostgresUrl>(name.as_str());
        let _ = loader.optional::<Secret<String>>(name.as_str());
        let _ = loader.list::<PostgresUrl>(name.as_str(), 1);
        if let Err(err) = loader.finish() {
            out.push_str(&format!("{err}\n{err:?}"));
        }
    }
    out
}

/// Pieces of `.env` text around a secret.
fn dotenv_with_secret() -> impl Strategy<Value = (String, String)> {
    let piece = prop::sample::select(vec![
        "A=",
        "B = ",
        "export C=",
        "\"",
        "'",
        "\\",
        "$",
        "${",
        "}",
        "#",
        " ",
        "\n",
        "\r\n",
        "=",
        "D_FILE=",
        "1X=",
        "\\n",
        "\\q",
    ]);
    (
        secret(),
        prop::collection::vec((piece, any::<bool>()), 0..12),
    )
        .prop_map(|(secret, pieces)| {
            let mut text = String::new();
            for (piece, with_secret) in pieces {
                text.push_str(piece);
                if with_secret {
                    text.push_str(&secret);
                }
            }
            (secret, text)
        })
}

#[test]
fn the_dotenv_parser_never_panics_nor_leaks() {
    let ran = campaign(4000, dotenv_with_secret(), |(secret, text)| {
        match DotEnv::parse(".env", &text) {
            Ok(env) => {
                // A secret placed where a name goes is a name, which problems do show.
                let names: Vec<String> = env
                    .names_with_prefix("")
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|name| !name.contains(secret.as_str()))
                    .map(str::to_owned)
                    .collect();
                let shown = everything_shown(&env, &names);
                prop_assert!(!leaks(&shown, &secret), "{shown}");
            }
            Err(err) => {
                let shown = format!("{err} {err:?}");
                prop_assert!(!leaks(&shown, &secret), "{shown}");
            }
        }
        Ok(())
    });
    eprintln!("dotenv parser campaign: {ran} inputs");
}

/// One entry of a generated secrets directory.
#[derive(Debug, Clone)]
enum Entry {
    File(Vec<u8>),
    Dir,
    Dangling,
    Loop,
}

fn entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        6 => prop::collection::vec(any::<u8>(), 0..200).prop_map(Entry::File),
        1 => Just(Entry::Dir),
        1 => Just(Entry::Dangling),
        1 => Just(Entry::Loop),
    ]
}

fn secrets_dir_case() -> impl Strategy<Value = (String, Vec<(String, Entry, bool)>)> {
    (
        secret(),
        prop::collection::vec(
            ("[A-Z_.][A-Z0-9_]{0,8}(_FILE)?", entry(), any::<bool>()),
            0..8,
        ),
    )
}

const LIMIT: u64 = 96;

#[test]
fn the_secrets_dir_reader_is_bounded_and_never_leaks() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("sources-proptest-{}", std::process::id()));
    let n = Cell::new(0usize);
    let ran = campaign(300, secrets_dir_case(), |(secret, entries)| {
        n.set(n.get() + 1);
        let dir = base.join(n.get().to_string());
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut names = Vec::new();
        for (name, entry, with_secret) in &entries {
            let path = dir.join(name);
            if path.exists() || std::fs::symlink_metadata(&path).is_ok() {
                continue;
            }
            match entry {
                Entry::File(bytes) => {
                    let mut bytes = bytes.clone();
                    if *with_secret {
                        let at = bytes.len() / 2;
                        bytes.splice(at..at, secret.bytes());
                    }
                    std::fs::write(&path, bytes).unwrap();
                }
                Entry::Dir => std::fs::create_dir_all(&path).unwrap(),
                Entry::Dangling => std::os::unix::fs::symlink(dir.join("nowhere"), &path).unwrap(),
                Entry::Loop => std::os::unix::fs::symlink(&path, &path).unwrap(),
            }
            names.push(name.clone());
        }
        let secrets = SecretsDir::open_with_limit(&dir, LIMIT).unwrap();
        for name in &names {
            let found = secrets.lookup(name);
            if name.starts_with('.') {
                prop_assert!(found.is_none(), "{name}");
                continue;
            }
            match found.map(|f| f.value) {
                Some(Value::Text(t)) => prop_assert!(t.len() as u64 <= LIMIT),
                Some(Value::NotUnicode | Value::Unreadable(_)) => {}
                other => prop_assert!(false, "{name}: {other:?}"),
            }
        }
        let shown = everything_shown(&secrets, &names);
        prop_assert!(!leaks(&shown, &secret), "{shown}");
        std::fs::remove_dir_all(&dir).unwrap();
        Ok(())
    });
    eprintln!("secrets-dir campaign: {ran} generated directories");
}

/// A `NAME_FILE` value an operator may paste in place of a path: the secret itself, a URL
/// holding it. (A real path, `./token` or `/run/secrets/token`, is shown when its directory
/// exists: a file's name is no secret; `tests/sources_files.rs` checks that.)
fn file_var_value() -> impl Strategy<Value = (String, String)> {
    (
        secret(),
        prop::sample::select(vec![
            "{s}",
            "postgres://app:{s}@db/app",
            "redis://:{s}@cache:6379",
            "app:{s}@db/app",
            "/{s}",
            "{s}\n",
            " {s}",
        ]),
    )
        .prop_map(|(s, form)| (s.clone(), form.replace("{s}", &s)))
}

#[test]
fn a_file_var_value_is_never_echoed() {
    let ran = campaign(1500, file_var_value(), |(secret, value)| {
        let source = MapSource::new([
            ("DATABASE_URL_FILE", value.as_str()),
            ("SHARD_URL_0_FILE", value.as_str()),
        ]);
        let names = vec![String::from("DATABASE_URL"), String::from("SHARD_URL")];
        let shown = everything_shown(&source, &names);
        // The problem names the variable, never its value.
        prop_assert!(shown.contains("DATABASE_URL_FILE"), "{shown}");
        prop_assert!(!leaks(&shown, &secret), "{shown}");
        Ok(())
    });
    eprintln!("_FILE value campaign: {ran} values");
}
