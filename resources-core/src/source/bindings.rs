//! [`ServiceBindings`]: the Service Binding for Kubernetes layout
//! (`$SERVICE_BINDING_ROOT/<binding>/{type,provider,host,port,username,password,…}`).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::SourceError;
use crate::load::{Manifest, Presence, ResolvedVar};
use crate::locator::parts::complete_credentials;
use crate::locator::{Part, PartValues};

use super::file::read_bounded;
use super::{Found, MAX_FILE_SIZE, Map, Origin, Source, Value, names_in, trim_one_newline};

/// At most this many bindings are read under one root.
const MAX_BINDINGS: usize = 1_000;
/// At most this many entries are read in one binding.
const MAX_ENTRIES: usize = 256;

/// The variable that names the bindings root, as the specification defines it.
pub const SERVICE_BINDING_ROOT: &str = "SERVICE_BINDING_ROOT";

/// The service bindings under a root (`$SERVICE_BINDING_ROOT`), answering the variables of a
/// [`Resources`](crate::Resources) type.
///
/// Each binding is a directory holding one file per entry: `type` (`postgresql`, `mysql`,
/// `redis`, `rabbitmq`, `mongodb`, …), `provider`, and entries such as `uri`, `host`, `port`,
/// `username`, `password`, `database` and `sslmode`. Entries are read like a
/// [`SecretsDir`](crate::SecretsDir): once, bounded ([`MAX_FILE_SIZE`]), one trailing newline
/// trimmed, hidden entries (Kubernetes' `..data`) skipped, symlinks followed.
///
/// [`resolve`](ServiceBindings::resolve) matches each locator field of a manifest to a
/// binding, and the source then answers the field's variable (`DATABASE_URL`):
///
/// 1. by name: a binding given with [`bind`](ServiceBindings::bind), else a binding whose
///    directory is named like the field (`db`, `replica-db` for `replica.db`) or like its
///    variable (`database-url` for `DATABASE_URL`; case, `_` and `-` do not matter);
/// 2. by type: otherwise, when exactly one binding has a `type` of the field's kind
///    (`postgresql` or `postgres` for [`PostgresUrl`](crate::PostgresUrl)) and exactly one
///    field of that kind is left unmatched.
///
/// The value is the binding's `uri` (completed with `username` and `password` when the URI
/// has none), else the locator composed from the entries as parts, exactly as the field's
/// kind composes `DATABASE_HOST`, `DATABASE_PORT`, … ([`Compose`](crate::Compose)). The
/// origin names the binding and the entry file. Settings and lists are never answered.
///
/// ```
/// # let root = std::env::temp_dir().join(format!("bindings-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(root.join("orders-db"))?;
/// use resources_core::ServiceBindings;
///
/// for (entry, text) in [("type", "postgresql\n"), ("host", "db.internal"), ("password", "hunter2")] {
///     std::fs::write(root.join("orders-db").join(entry), text)?;
/// }
/// let bindings = ServiceBindings::open(&root)?;
/// assert_eq!(bindings.bindings(), [("orders-db", Some("postgresql".to_owned()))]);
/// // `ServiceBindings::open(&root)?.resolve(App::MANIFEST)` answers `App`'s `DATABASE_URL`.
/// # std::fs::remove_dir_all(&root)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct ServiceBindings {
    root: PathBuf,
    bindings: Vec<Binding>,
    named: Vec<(String, String)>,
    vars: Map<Answer>,
}

/// One binding: its directory, `type`, `provider` and entries.
#[derive(Clone)]
struct Binding {
    name: String,
    dir: PathBuf,
    entries: Map<Entry>,
}

/// An entry as read.
#[derive(Clone)]
enum Entry {
    Text(String),
    NotUnicode,
    Unreadable(String),
}

/// What the source answers for one variable, and where it came from.
#[derive(Clone)]
struct Answer {
    value: Entry,
    origin: String,
    binding: String,
    by: MatchedBy,
}

/// A field matched to a binding (see [`ServiceBindings::matches`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BindingMatch {
    /// The full variable name the binding answers (`DATABASE_URL`).
    pub var: String,
    /// The binding's directory name.
    pub binding: String,
    /// How it was matched.
    pub by: MatchedBy,
}

/// How a field was matched to its binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    /// Named with [`ServiceBindings::bind`].
    Bind,
    /// The binding is named like the field or its variable.
    Name,
    /// The only binding of the field's kind's `type`.
    Type,
}

impl Binding {
    fn text(&self, entry: &str) -> Option<&str> {
        match self.entries.get(entry) {
            Some(Entry::Text(s)) => Some(s),
            _ => None,
        }
    }

    fn type_(&self) -> Option<String> {
        self.text("type").map(|t| t.trim().to_ascii_lowercase())
    }

    fn entry_path(&self, entry: &str) -> String {
        self.dir.join(entry).display().to_string()
    }
}

/// The binding `type`s of a kind (by the kind's name, as [`LocatorInfo::kind`](crate::LocatorInfo)).
fn binding_types(kind: &str) -> &'static [&'static str] {
    match kind {
        "PostgreSQL" => &["postgresql", "postgres"],
        "MySQL" => &["mysql", "mariadb"],
        "Redis" => &["redis", "valkey"],
        "AMQP" => &["rabbitmq", "amqp"],
        "MongoDB" => &["mongodb", "mongo"],
        "SMTP" => &["smtp", "mail"],
        "NATS" => &["nats"],
        "S3" => &["s3"],
        "CouchDB" => &["couchdb"],
        "Beanstalkd" => &["beanstalkd"],
        _ => &[],
    }
}

/// The entries that hold parts, in the order they are listed in an origin.
const PART_ENTRIES: &[(&str, Part)] = &[
    ("host", Part::Host),
    ("port", Part::Port),
    ("username", Part::User),
    ("user", Part::User),
    ("password", Part::Password),
    ("database", Part::Database),
    ("sslmode", Part::Security),
    ("security", Part::Security),
    ("region", Part::Region),
    ("bucket", Part::Bucket),
    ("endpoint", Part::Endpoint),
];

/// `Replica.DB_url` → `replica-db-url`: names compared without case and `_`/`-`/`.`.
fn normalize(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '_' | '.' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

fn read_entry(path: &Path, limit: u64) -> Entry {
    match read_bounded(path, limit) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(mut s) => {
                trim_one_newline(&mut s);
                Entry::Text(s)
            }
            Err(_) => Entry::NotUnicode,
        },
        Err(why) => Entry::Unreadable(why.to_string()),
    }
}

impl ServiceBindings {
    /// Reads every binding under `root` once (each entry at most [`MAX_FILE_SIZE`] bytes).
    /// A root of more than 1 000 bindings, or a binding of more than 256 entries, is an error.
    pub fn open(root: impl AsRef<Path>) -> Result<Self, SourceError> {
        let root = root.as_ref();
        let io = |path: &Path, error| SourceError::Io {
            path: path.to_owned(),
            error,
        };
        let mut bindings = Vec::new();
        for dir in std::fs::read_dir(root).map_err(|e| io(root, e))? {
            let dir = dir.map_err(|e| io(root, e))?;
            let Ok(name) = dir.file_name().into_string() else {
                continue;
            };
            let path = dir.path();
            if name.starts_with('.') || !path.is_dir() {
                continue;
            }
            if bindings.len() == MAX_BINDINGS {
                return Err(io(
                    root,
                    std::io::Error::other(format!("more than {MAX_BINDINGS} bindings")),
                ));
            }
            let mut entries = Map::default();
            for entry in std::fs::read_dir(&path).map_err(|e| io(&path, e))? {
                let entry = entry.map_err(|e| io(&path, e))?;
                let Ok(entry_name) = entry.file_name().into_string() else {
                    continue;
                };
                if entry_name.starts_with('.') {
                    continue;
                }
                if entries.len() == MAX_ENTRIES {
                    return Err(io(
                        &path,
                        std::io::Error::other(format!("more than {MAX_ENTRIES} entries")),
                    ));
                }
                entries.insert(entry_name, read_entry(&entry.path(), MAX_FILE_SIZE));
            }
            bindings.push(Binding {
                name,
                dir: path,
                entries,
            });
        }
        bindings.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(ServiceBindings {
            root: root.to_owned(),
            bindings,
            named: Vec::new(),
            vars: Map::default(),
        })
    }

    /// The bindings under `$SERVICE_BINDING_ROOT` as `source` has it (`Env::snapshot()` in an
    /// app); `Ok(None)` when the variable is not set.
    pub fn from_root_in(source: &dyn Source) -> Result<Option<Self>, SourceError> {
        match source.lookup(SERVICE_BINDING_ROOT).map(|f| f.value) {
            Some(Value::Text(root)) if !root.is_empty() => ServiceBindings::open(root).map(Some),
            _ => Ok(None),
        }
    }

    /// Names the binding of the variable `var` (its full name, prefix included): it answers
    /// `var` whatever its directory name or type. Call before [`resolve`](Self::resolve).
    pub fn bind(mut self, var: impl Into<String>, binding: impl Into<String>) -> Self {
        self.named.push((var.into(), binding.into()));
        self
    }

    /// The bindings root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The bindings, as `(name, type)` sorted by name (`type` is `None` when the entry is
    /// missing or unreadable).
    pub fn bindings(&self) -> Vec<(&str, Option<String>)> {
        self.bindings
            .iter()
            .map(|b| (b.name.as_str(), b.type_()))
            .collect()
    }

    /// Which variable each binding answers, after [`resolve`](Self::resolve), sorted by variable.
    pub fn matches(&self) -> Vec<BindingMatch> {
        let mut out: Vec<BindingMatch> = self
            .vars
            .iter()
            .map(|(var, a)| BindingMatch {
                var: var.clone(),
                binding: a.binding.clone(),
                by: a.by,
            })
            .collect();
        out.sort_by(|a, b| a.var.cmp(&b.var));
        out
    }

    /// Matches the locator fields of `manifest` to bindings (the rules are on the type), so
    /// the source answers their variables.
    pub fn resolve(mut self, manifest: &'static Manifest) -> Self {
        let vars: Vec<ResolvedVar> = manifest
            .vars()
            .into_iter()
            .filter(|v| !v.decl.setting && !matches!(v.decl.presence, Presence::List { .. }))
            .collect();
        let mut used: Vec<usize> = Vec::new();
        let mut matched: Vec<(usize, usize, MatchedBy)> = Vec::new();
        let mut answers = Map::default();
        for (vi, var) in vars.iter().enumerate() {
            // Named by `bind`, else by the field's `#[resource(binding = "…")]`.
            let wanted = self
                .named
                .iter()
                .find(|(v, _)| *v == var.name)
                .map(|(_, b)| b.clone())
                .or_else(|| var.decl.binding.map(str::to_owned));
            if let Some(wanted) = &wanted {
                match self.bindings.iter().position(|b| b.name == *wanted) {
                    Some(bi) => {
                        used.push(bi);
                        matched.push((vi, bi, MatchedBy::Bind));
                    }
                    None => {
                        answers.insert(
                            var.name.clone(),
                            Answer {
                                value: Entry::Unreadable(format!(
                                    "no service binding named `{wanted}` under {}",
                                    self.root.display()
                                )),
                                origin: format!("service bindings {}", self.root.display()),
                                binding: wanted.clone(),
                                by: MatchedBy::Bind,
                            },
                        );
                    }
                }
                continue;
            }
            let names = [normalize(&var.field_path), normalize(&var.name)];
            if let Some(bi) = self
                .bindings
                .iter()
                .position(|b| names.contains(&normalize(&b.name)))
            {
                used.push(bi);
                matched.push((vi, bi, MatchedBy::Name));
            }
        }
        // By type: one binding of the type, one field of the kind left.
        let unmatched: Vec<usize> = (0..vars.len())
            .filter(|vi| {
                !matched.iter().any(|(m, _, _)| m == vi) && !answers.contains_key(&vars[*vi].name)
            })
            .collect();
        for &vi in &unmatched {
            let kind = vars[vi].info().kind;
            let types = binding_types(kind);
            if types.is_empty() {
                continue;
            }
            let same_kind = unmatched
                .iter()
                .filter(|o| vars[**o].info().kind == kind)
                .count();
            let of_type: Vec<usize> = (0..self.bindings.len())
                .filter(|bi| {
                    self.bindings[*bi]
                        .type_()
                        .is_some_and(|t| types.contains(&t.as_str()))
                })
                .collect();
            if same_kind == 1 && of_type.len() == 1 && !used.contains(&of_type[0]) {
                used.push(of_type[0]);
                matched.push((vi, of_type[0], MatchedBy::Type));
            }
        }
        for (vi, bi, by) in matched {
            let answer = answer(&self.bindings[bi], &vars[vi], by);
            answers.insert(vars[vi].name.clone(), answer);
        }
        self.vars = answers;
        self
    }
}

/// The value of `var` from `binding`: its `uri`, else its parts composed.
fn answer(binding: &Binding, var: &ResolvedVar, by: MatchedBy) -> Answer {
    let how = if by == MatchedBy::Type {
        " (matched by type)"
    } else {
        ""
    };
    let name = &binding.name;
    let at = |what: String| format!("service binding `{name}` ({what}){how}");
    let credentials = (binding.text("username"), binding.text("password"));
    if let Some(entry) = binding.entries.get("uri") {
        let origin = at(binding.entry_path("uri"));
        let value = match entry {
            Entry::Text(uri) => Entry::Text(with_credentials(uri, credentials)),
            other => other.clone(),
        };
        return Answer {
            value,
            origin,
            binding: name.clone(),
            by,
        };
    }
    let info = var.info();
    let mut parts = PartValues::new();
    let mut read = Vec::new();
    for (entry, part) in PART_ENTRIES {
        match binding.entries.get(*entry) {
            None => {}
            Some(Entry::Text(text)) => {
                if parts.get(*part).is_none() {
                    parts.set(*part, text.clone());
                }
                read.push(*entry);
            }
            Some(Entry::NotUnicode) => {
                return Answer {
                    value: Entry::NotUnicode,
                    origin: at(binding.entry_path(entry)),
                    binding: name.clone(),
                    by,
                };
            }
            Some(Entry::Unreadable(why)) => {
                return Answer {
                    value: Entry::Unreadable(why.clone()),
                    origin: at(binding.entry_path(entry)),
                    binding: name.clone(),
                    by,
                };
            }
        }
    }
    let origin = at(format!(
        "its entries {} under {}",
        read.join(", "),
        binding.dir.display()
    ));
    let value = match (var.decl.locator.compose, info.schemes.first()) {
        (Some(compose), Some(scheme)) => match (compose.write)(scheme.name, &parts) {
            Ok(url) => Entry::Text(url),
            Err(e) => Entry::Unreadable(match e.part {
                Some(part) => format!("the binding's {part}: {}", e.message),
                None => e.message,
            }),
        },
        _ => Entry::Unreadable(format!(
            "the binding has no `uri` entry, and a {} locator cannot be composed from parts",
            info.kind
        )),
    };
    Answer {
        value,
        origin,
        binding: name.clone(),
        by,
    }
}

/// `uri` with the binding's `username` and `password` put in where it has none.
fn with_credentials(uri: &str, (user, password): (Option<&str>, Option<&str>)) -> String {
    [(user, password), (None, password), (user, None)]
        .into_iter()
        .filter(|(u, p)| u.is_some() || p.is_some())
        .find_map(|(u, p)| complete_credentials(uri, u, p).ok())
        .unwrap_or_else(|| uri.to_owned())
}

impl Source for ServiceBindings {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        self.vars.get(name).map(|a| Found {
            value: match &a.value {
                Entry::Text(s) => Value::Text(s),
                Entry::NotUnicode => Value::NotUnicode,
                Entry::Unreadable(why) => Value::Unreadable(why),
            },
            origin: Origin {
                source: &a.origin,
                line: None,
            },
        })
    }

    fn may_hold_file_variables(&self) -> bool {
        false
    }

    fn names_with_prefix(&self, prefix: &str) -> Option<Vec<&str>> {
        Some(names_in(&self.vars, prefix))
    }
}

impl fmt::Debug for ServiceBindings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceBindings")
            .field("root", &self.root)
            .field(
                "bindings",
                &self.bindings.iter().map(|b| &b.name).collect::<Vec<_>>(),
            )
            .field("vars", &self.vars.len())
            .finish()
    }
}
