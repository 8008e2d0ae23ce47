//! Files behind variables: `NAME_FILE` targets and secrets directories. A `_FILE` value that
//! is not a path is never echoed; only regular files are read, and never past the limit.

use std::path::{Path, PathBuf};

use resources::{
    Layered, LoadError, Loader, MAX_FILE_SIZE, MapSource, PostgresUrl, ProblemKind, Secret,
    SecretsDir, Source, Value,
};

/// A fresh scratch directory under the target dir (never the process environment).
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("sources-files-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success(), "mkfifo failed");
}

/// Loads one required secret `TOKEN` from `source`; the error of the load.
fn token_error(source: &dyn Source) -> LoadError {
    let mut loader = Loader::new(source);
    let _ = loader.required::<Secret<String>>("TOKEN");
    loader.finish().unwrap_err()
}

fn shown(err: &LoadError) -> String {
    format!("{err}\n{err:?}")
}

#[test]
fn a_file_var_holding_the_secret_itself_is_never_echoed() {
    let url = "postgres://app:hunter2pw@db/app";
    let source = MapSource::new([("DATABASE_URL_FILE", url)]);
    let mut loader = Loader::new(&source);
    let _ = loader.required::<PostgresUrl>("DATABASE_URL");
    let err = loader.finish().unwrap_err();
    let text = shown(&err);
    assert!(!text.contains("hunter2pw"), "{text}");
    assert!(
        matches!(err.problems()[0].what(), ProblemKind::FileVarNotAPath { file_var, url: true } if file_var == "DATABASE_URL_FILE"),
        "{err}"
    );
    assert_eq!(
        err.problems()[0].to_string(),
        "DATABASE_URL (PostgreSQL) from the map source: the value of DATABASE_URL_FILE is not a file path (it looks like a URL); set DATABASE_URL to the value itself, or DATABASE_URL_FILE to the path of a file holding it"
    );

    // Values that are no URL but could be a token: opened (nothing is there), not shown.
    for value in [
        "ghp_hunter2tokenvalue",
        "app:hunter2@db/app",
        "/9j4hunter2AAQSkZJRg",
        "hunter2 with spaces",
        "sk-live-hunter2%2Fx=",
    ] {
        let err = token_error(&MapSource::new([("TOKEN_FILE", value)]));
        let text = shown(&err);
        assert!(!text.contains("hunter2"), "{value}: {text}");
        assert!(
            matches!(
                err.problems()[0].what(),
                ProblemKind::FileUnreadable { path: None, .. }
            ),
            "{value}: {err}"
        );
        assert!(text.contains("its value is not shown"), "{text}");
    }

    // A control character or an overlong value is not a path.
    for value in ["tok\nhunter2", &format!("/{}", "hunter2".repeat(700))] {
        let err = token_error(&MapSource::new([("TOKEN_FILE", value)]));
        assert!(!shown(&err).contains("hunter2"));
        assert!(matches!(
            err.problems()[0].what(),
            ProblemKind::FileVarNotAPath { url: false, .. }
        ));
    }
}

#[test]
fn a_plausible_path_is_shown() {
    let dir = scratch("shown");
    let missing = dir.join("db_url");
    let err = token_error(&MapSource::new([(
        "TOKEN_FILE",
        missing.display().to_string(),
    )]));
    match err.problems()[0].what() {
        ProblemKind::FileUnreadable {
            file_var,
            path: Some(path),
            ..
        } => {
            assert_eq!(file_var, "TOKEN_FILE");
            assert_eq!(path, &missing.display().to_string());
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string()
            .contains(&format!("TOKEN_FILE names `{}`", missing.display())),
        "{err}"
    );
    // A path in a directory that does not exist is not shown (it could be a token).
    let err = token_error(&MapSource::new([("TOKEN_FILE", "/nowhere-at-all/x")]));
    assert!(matches!(
        err.problems()[0].what(),
        ProblemKind::FileUnreadable { path: None, .. }
    ));
}

#[test]
fn only_regular_files_are_read() {
    let dir = scratch("kinds");
    let fifo = dir.join("fifo");
    mkfifo(&fifo);
    let loop_a = dir.join("loop_a");
    std::os::unix::fs::symlink(dir.join("loop_b"), &loop_a).unwrap();
    std::os::unix::fs::symlink(&loop_a, dir.join("loop_b")).unwrap();
    let cases = [
        (
            fifo.clone(),
            "it is a FIFO (named pipe), not a regular file",
        ),
        (
            PathBuf::from("/dev/zero"),
            "it is a device, not a regular file",
        ),
        (dir.clone(), "it is a directory, not a regular file"),
        (loop_a.clone(), "symbolic links"),
    ];
    for (path, why) in cases {
        let err = token_error(&MapSource::new([(
            "TOKEN_FILE",
            path.display().to_string(),
        )]));
        match err.problems()[0].what() {
            ProblemKind::FileUnreadable {
                reason,
                path: shown,
                ..
            } => {
                assert!(reason.contains(why), "{reason}");
                assert_eq!(shown.as_deref(), Some(path.display().to_string().as_str()));
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_file_over_the_limit_is_a_problem_and_the_limit_is_configurable() {
    let dir = scratch("limit");
    let big = dir.join("big");
    let limit = usize::try_from(MAX_FILE_SIZE).unwrap();
    std::fs::write(&big, "x".repeat(limit + 1)).unwrap();
    let at_limit = dir.join("at_limit");
    std::fs::write(&at_limit, "y".repeat(limit)).unwrap();

    let source = MapSource::new([
        ("TOKEN_FILE", big.display().to_string()),
        ("OTHER_FILE", at_limit.display().to_string()),
    ]);
    let mut loader = Loader::new(&source);
    let _ = loader.required::<Secret<String>>("TOKEN");
    let other = loader.required::<Secret<String>>("OTHER");
    let err = loader.finish().unwrap_err();
    assert_eq!(err.problems().len(), 1, "{err}");
    assert!(
        err.to_string()
            .contains("it is larger than the limit of 65536 bytes"),
        "{err}"
    );
    let _ = other;

    // A layered source sets another limit for every layer.
    let layered = Layered::new()
        .with(source.clone())
        .with_max_file_size(1 << 20);
    assert_eq!(layered.max_file_size(), 1 << 20);
    let mut loader = Loader::new(&layered);
    let token = loader.required::<Secret<String>>("TOKEN");
    let mut loaded = loader.finish().unwrap();
    assert_eq!(loaded.take(token).expose().len(), limit + 1);

    let small = Layered::new().with(source).with_max_file_size(10);
    let err = token_error(&small);
    assert!(err.to_string().contains("limit of 10 bytes"), "{err}");
}

#[test]
fn problems_of_a_file_target_name_the_file() {
    let dir = scratch("content");
    let empty = dir.join("empty");
    std::fs::write(&empty, "\n").unwrap();
    let latin1 = dir.join("latin1");
    std::fs::write(&latin1, b"caf\xe9").unwrap();
    for (path, what) in [(&empty, "set but empty"), (&latin1, "not valid UTF-8")] {
        let err = token_error(&MapSource::new([(
            "TOKEN_FILE",
            path.display().to_string(),
        )]));
        let p = &err.problems()[0];
        assert_eq!(
            p.origin(),
            Some(format!("`{}` (through TOKEN_FILE)", path.display()).as_str())
        );
        assert!(p.to_string().contains(what), "{p}");
        assert!(!p.to_string().contains("the map source"), "{p}");
    }
}

#[test]
fn a_bad_secrets_dir_entry_is_a_problem_of_its_variable_only() {
    let dir = scratch("secrets");
    std::fs::write(dir.join("GOOD"), "tok-good\n").unwrap();
    std::fs::create_dir_all(dir.join("TOKEN")).unwrap();
    mkfifo(&dir.join("PIPE"));
    std::fs::write(dir.join("BIG"), vec![b'z'; 100]).unwrap();
    std::os::unix::fs::symlink(dir.join("LOOP2"), dir.join("LOOP1")).unwrap();
    std::os::unix::fs::symlink(dir.join("LOOP1"), dir.join("LOOP2")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("ZERO")).unwrap();

    let secrets = SecretsDir::open_with_limit(&dir, 64).unwrap();
    let unreadable = |name: &str| match secrets.lookup(name).map(|f| f.value) {
        Some(Value::Unreadable(why)) => why.to_owned(),
        other => panic!("{name}: {other:?}"),
    };
    assert!(unreadable("TOKEN").contains("a directory"));
    assert!(unreadable("PIPE").contains("a FIFO"));
    assert!(unreadable("BIG").contains("limit of 64 bytes"));
    assert!(unreadable("LOOP1").contains("symbolic links"));
    assert!(unreadable("ZERO").contains("a device"));

    let mut loader = Loader::new(&secrets);
    let good = loader.required::<Secret<String>>("GOOD");
    let _token = loader.required::<Secret<String>>("TOKEN");
    let err = loader.finish().unwrap_err();
    assert_eq!(err.problems().len(), 1, "{err}");
    assert_eq!(
        err.problems()[0].to_string(),
        format!(
            "TOKEN (secret) from {}: cannot be read: it is a directory, not a regular file",
            dir.display()
        )
    );
    let _ = good;
    let secrets = SecretsDir::open(&dir).unwrap();
    let mut loader = Loader::new(&secrets);
    let good = loader.required::<Secret<String>>("GOOD");
    assert_eq!(loader.finish().unwrap().take(good).expose(), "tok-good");
}

#[test]
fn found_and_value_debug_redact_the_text() {
    let source = MapSource::new([("TOKEN", "hunter2-debug")]);
    let found = source.lookup("TOKEN").unwrap();
    let debug = format!("{found:?} {:?}", found.value);
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(debug.contains("Text(***)"), "{debug}");
    assert!(debug.contains("the map source"), "{debug}");
}
