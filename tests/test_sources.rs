//! Sources: environment snapshots, maps, `.env` files, secrets directories, layers.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::PathBuf;

use resources::{DotEnv, Env, Layered, MapSource, SecretsDir, Source, SourceError, Value};

/// A fresh scratch directory under the target dir (never the process environment).
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("sources-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text<'a>(s: &'a impl Source, name: &str) -> Option<&'a str> {
    match s.lookup(name)?.value {
        Value::Text(t) => Some(t),
        _ => None,
    }
}

#[test]
fn env_snapshot_keeps_non_unicode_as_a_problem_value() {
    let env = Env::from_os_pairs([
        (
            OsString::from("DATABASE_URL"),
            OsString::from("postgres://db/app"),
        ),
        (
            OsString::from("BROKEN_URL"),
            OsString::from_vec(vec![b'r', 0xff, b'x']),
        ),
        (OsString::from_vec(vec![0xfe]), OsString::from("ignored")),
    ]);
    assert_eq!(text(&env, "DATABASE_URL"), Some("postgres://db/app"));
    let broken = env.lookup("BROKEN_URL").unwrap();
    assert_eq!(broken.value, Value::NotUnicode);
    assert_eq!(broken.origin.to_string(), "the environment");
    assert!(env.lookup("MISSING").is_none());
    // The real snapshot reads the process environment without changing it.
    let real = Env::snapshot();
    assert_eq!(
        text(&real, "CARGO_PKG_NAME").is_some(),
        std::env::var("CARGO_PKG_NAME").is_ok()
    );
}

#[test]
fn map_source() {
    let m: MapSource = [("A", "1"), ("B", "2"), ("A", "3")].into_iter().collect();
    assert_eq!(text(&m, "A"), Some("3"));
    assert_eq!(m.lookup("B").unwrap().origin.to_string(), "the map source");
}

#[test]
fn dotenv_syntax() {
    let src = "\
# services for local development
DATABASE_URL=postgres://app:p%40ss@localhost/app
export REDIS_URL = redis://localhost:6379/0   # trailing comment
SINGLE='amqp://guest:gu$est#1@localhost/%2F'
DOUBLE=\"smtp://mailer:p\\\"w\\$x@localhost:2525\"
EMPTY=
HASH_INSIDE=https://h/p#frag

MULTI=\"line one
line two\"
UNDERSCORE_1.X=ok
";
    let env = DotEnv::parse(".env", src).unwrap();
    assert_eq!(
        text(&env, "DATABASE_URL"),
        Some("postgres://app:p%40ss@localhost/app")
    );
    assert_eq!(text(&env, "REDIS_URL"), Some("redis://localhost:6379/0"));
    assert_eq!(
        text(&env, "SINGLE"),
        Some("amqp://guest:gu$est#1@localhost/%2F")
    );
    assert_eq!(
        text(&env, "DOUBLE"),
        Some("smtp://mailer:p\"w$x@localhost:2525")
    );
    assert_eq!(text(&env, "EMPTY"), Some(""));
    assert_eq!(text(&env, "HASH_INSIDE"), Some("https://h/p#frag"));
    assert_eq!(text(&env, "MULTI"), Some("line one\nline two"));
    assert_eq!(text(&env, "UNDERSCORE_1.X"), Some("ok"));
    assert_eq!(
        env.lookup("REDIS_URL").unwrap().origin.to_string(),
        ".env line 3"
    );
    assert_eq!(
        env.lookup("MULTI").unwrap().origin.to_string(),
        ".env line 9"
    );
}

#[test]
fn dotenv_bad_lines_name_file_and_line_not_content() {
    let cases = [
        (
            "OK=1\nthis is not an assignment hunter2\n",
            2,
            "expected NAME=value",
        ),
        ("1BAD=x", 1, "a variable name holds letters"),
        ("A='unterminated hunter2", 1, "unterminated single quote"),
        ("A=\"unterminated hunter2", 1, "unterminated double quote"),
        (
            "A=\"x\" hunter2",
            1,
            "unexpected text after the closing quote",
        ),
        ("A=\"bad \\q escape hunter2\"", 1, "unknown escape"),
    ];
    for (text, line, message) in cases {
        let err = DotEnv::parse("config/.env", text).unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.starts_with(&format!("config/.env:{line}: ")),
            "{shown}"
        );
        assert!(shown.contains(message), "{shown}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(matches!(err, SourceError::Syntax { line: l, .. } if l == line));
    }
}

#[test]
fn dotenv_from_files() {
    let dir = scratch("dotenv");
    let path = dir.join(".env");
    std::fs::write(&path, "DATABASE_URL=postgres://localhost/app\n").unwrap();
    let env = DotEnv::from_path(&path).unwrap();
    assert_eq!(text(&env, "DATABASE_URL"), Some("postgres://localhost/app"));
    assert_eq!(
        env.lookup("DATABASE_URL").unwrap().origin.to_string(),
        format!("{} line 1", path.display())
    );

    let missing = dir.join("missing.env");
    assert!(matches!(
        DotEnv::from_path(&missing),
        Err(SourceError::Io { .. })
    ));
    assert!(
        DotEnv::from_path_if_exists(&missing)
            .unwrap()
            .lookup("DATABASE_URL")
            .is_none()
    );

    std::fs::write(dir.join("latin1.env"), b"A=caf\xe9\n").unwrap();
    let err = DotEnv::from_path(dir.join("latin1.env")).unwrap_err();
    assert!(err.to_string().contains("not valid UTF-8"), "{err}");
}

#[test]
fn secrets_dir() {
    let dir = scratch("secrets");
    std::fs::write(dir.join("DATABASE_URL"), "postgres://app:s3cret@db/app\n").unwrap();
    std::fs::write(dir.join("API_TOKEN"), "tok\r\n").unwrap();
    std::fs::write(dir.join("TWO_NEWLINES"), "x\n\n").unwrap();
    std::fs::write(dir.join("BINARY"), [0xff, 0xfe]).unwrap();
    std::fs::create_dir_all(dir.join("..data")).unwrap();
    std::fs::write(dir.join("..data").join("HIDDEN"), "x").unwrap();
    std::fs::create_dir_all(dir.join("subdir")).unwrap();
    std::os::unix::fs::symlink(dir.join("DATABASE_URL"), dir.join("LINKED")).unwrap();

    let s = SecretsDir::open(&dir).unwrap();
    assert_eq!(
        text(&s, "DATABASE_URL"),
        Some("postgres://app:s3cret@db/app")
    );
    assert_eq!(text(&s, "API_TOKEN"), Some("tok"));
    assert_eq!(text(&s, "TWO_NEWLINES"), Some("x\n"));
    assert_eq!(s.lookup("BINARY").unwrap().value, Value::NotUnicode);
    assert_eq!(text(&s, "LINKED"), Some("postgres://app:s3cret@db/app"));
    assert!(s.lookup("..data").is_none());
    // A directory under a name is a problem of that variable, not "not set" (it was skipped
    // before the bounded reads).
    assert_eq!(
        s.lookup("subdir").unwrap().value,
        Value::Unreadable("it is a directory, not a regular file")
    );
    assert_eq!(
        s.lookup("API_TOKEN").unwrap().origin.to_string(),
        dir.display().to_string()
    );
    assert!(matches!(
        SecretsDir::open(dir.join("nope")),
        Err(SourceError::Io { .. })
    ));
}

#[test]
fn layered_first_wins() {
    let l = Layered::new()
        .with(MapSource::new([("A", "top")]).named("overrides"))
        .with(DotEnv::parse(".env", "A=bottom\nB=only-below\n").unwrap());
    assert_eq!(text(&l, "A"), Some("top"));
    assert_eq!(l.lookup("A").unwrap().origin.to_string(), "overrides");
    assert_eq!(text(&l, "B"), Some("only-below"));
    assert_eq!(l.lookup("B").unwrap().origin.to_string(), ".env line 2");
    assert!(l.lookup("C").is_none());
}

#[test]
fn dotenv_quoted_values_keep_their_spaces_and_escapes_are_dotenvys() {
    let src = "MULTI=\"line one   \n   line two\"\nSPACE=a\\ b\nJOINED=a\"b c\"'d'\n";
    let env = DotEnv::parse(".env", src).unwrap();
    // The spaces before the line end inside the quotes are kept (they were trimmed before).
    assert_eq!(text(&env, "MULTI"), Some("line one   \n   line two"));
    assert_eq!(text(&env, "SPACE"), Some("a b"));
    assert_eq!(text(&env, "JOINED"), Some("ab cd"));
    // A `\` before a line end inside double quotes is an error, not silently dropped.
    let err = DotEnv::parse(".env", "A=\"abc\\\ndef hunter2\"\n").unwrap_err();
    assert!(err.to_string().contains("unknown escape"), "{err}");
    assert!(!err.to_string().contains("hunter2"));
    // `\t` is no dotenvy escape.
    assert!(DotEnv::parse(".env", "A=\"a\\tb\"\n").is_err());
    // An unquoted space ends the value; more text after it is an error.
    let err = DotEnv::parse(".env", "A=abc hunter2\n").unwrap_err();
    assert!(
        err.to_string().contains("a space inside an unquoted value"),
        "{err}"
    );
}

#[test]
fn dotenv_expands_variables_as_dotenvy_does() {
    let src = "\
USER_NAME=app
HOST=db
URL=postgres://${USER_NAME}@${HOST}/app
PLAIN=$HOST:5432
UNDERSCORE=$USER_NAME
LITERAL='$HOST'
ESCAPED=\\$HOST
UNSET=[${NOWHERE}]
";
    let env = DotEnv::parse(".env", src).unwrap();
    assert_eq!(text(&env, "URL"), Some("postgres://app@db/app"));
    assert_eq!(text(&env, "PLAIN"), Some("db:5432"));
    // `$NAME` takes letters and digits only: `$USER_NAME` is `$USER` (unset) then `_NAME`.
    assert_eq!(text(&env, "UNDERSCORE"), Some("_NAME"));
    assert_eq!(text(&env, "LITERAL"), Some("$HOST"));
    assert_eq!(text(&env, "ESCAPED"), Some("$HOST"));
    assert_eq!(text(&env, "UNSET"), Some("[]"));
    let err = DotEnv::parse(".env", "A=${B\n").unwrap_err();
    assert!(err.to_string().contains("unterminated `${`"), "{err}");
}
