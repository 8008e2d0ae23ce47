//! The drift check: a committed doc must equal its fresh rendering.

/// The variable that makes [`check_current`] rewrite a stale file instead of failing.
pub const BLESS_VAR: &str = "RESOURCES_BLESS";

/// A committed doc that differs from its fresh rendering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drift {
    /// The file.
    pub path: std::path::PathBuf,
    /// A line diff: `-` what the file says, `+` what it should say.
    pub diff: String,
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} is not current with the code that loads the config:\n{}\nrewrite it with: {BLESS_VAR}=1 cargo test",
            self.path.display(),
            self.diff
        )
    }
}

impl std::error::Error for Drift {}

/// Compares the file at `path` with `rendered`. With `RESOURCES_BLESS=1` in the environment, a
/// missing or stale file is (re)written instead. An unreadable file counts as stale.
pub fn check_current(path: impl AsRef<std::path::Path>, rendered: &str) -> Result<(), Drift> {
    let bless = std::env::var(BLESS_VAR).is_ok_and(|v| v == "1");
    check_file(path, rendered, bless)
}

/// [`check_current`] with the choice to rewrite made by the caller.
pub fn check_file(
    path: impl AsRef<std::path::Path>,
    rendered: &str,
    bless: bool,
) -> Result<(), Drift> {
    let path = path.as_ref();
    let current = std::fs::read_to_string(path).unwrap_or_default();
    if current == rendered {
        return Ok(());
    }
    if bless {
        if let Err(e) = std::fs::write(path, rendered) {
            return Err(Drift {
                path: path.to_owned(),
                diff: format!("cannot write it: {e}"),
            });
        }
        return Ok(());
    }
    Err(Drift {
        path: path.to_owned(),
        diff: line_diff(&current, rendered),
    })
}

/// [`check_current`] for tests: panics with the diff and the command that rewrites the file.
///
/// # Panics
/// When the file is not current (and `RESOURCES_BLESS=1` is not set).
pub fn assert_current(path: impl AsRef<std::path::Path>, rendered: &str) {
    if let Err(drift) = check_current(path, rendered) {
        panic!("{drift}");
    }
}

/// A minimal line diff (longest common subsequence): ` ` kept, `-` old, `+` new.
pub fn line_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        } else {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        }
    }
    out
}
