//! [`Watch`]: a [`Resources`] struct loaded once, then reloaded when a file it was read from
//! changes (a secrets directory, a `.env` file, a `NAME_FILE` target, service bindings) or on
//! an explicit [`reload`](Watch::reload). Blocking; the events are pulled by the caller.

use std::collections::hash_map::DefaultHasher;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use crate::error::{LoadError, Problem, SourceError};
use crate::resources::Resources;
use crate::source::file::read_bounded;
use crate::source::{
    DotEnv, Found, Layered, Layers, MAX_FILE_SIZE, SecretsDir, ServiceBindings, Source, Value,
};

use super::lookup::Scratch;
use super::manifest::{Manifest, Presence, Var, redact_example};
use super::step::{Context, load_var};
use super::values::Erased;
use super::warning::Warning;

#[cfg(feature = "watch-async")]
#[path = "watch_async.rs"]
mod watch_async;
#[cfg(feature = "watch-async")]
pub use watch_async::{AsyncWatch, NextEvent};

/// The sources a [`Watch`] reads, top layer first, rebuilt from disk on every reload.
///
/// The file-backed layers ([`secrets_dir`](Self::secrets_dir), [`dotenv`](Self::dotenv),
/// [`bindings`](Self::bindings)) are read again on each reload; a [`fixed`](Self::fixed)
/// layer (the process environment, a map) never changes: a field read from it stays as it was
/// loaded. `NAME_FILE` targets named by any layer are watched too.
#[derive(Clone, Default)]
pub struct WatchSources {
    layers: Vec<Layer>,
    settle: Option<Duration>,
    poll: Option<Duration>,
}

#[derive(Clone)]
enum Layer {
    Fixed(Arc<dyn Source + Send + Sync>),
    SecretsDir(PathBuf),
    DotEnv(PathBuf),
    Bindings(PathBuf, Vec<(String, String)>),
}

impl WatchSources {
    /// No layers yet.
    pub fn new() -> Self {
        WatchSources::default()
    }

    /// Adds a layer that never changes (`Env::snapshot()`, a `MapSource`).
    pub fn fixed(mut self, source: impl Source + Send + Sync + 'static) -> Self {
        self.layers.push(Layer::Fixed(Arc::new(source)));
        self
    }

    /// Adds a secrets directory ([`SecretsDir`]), watched with everything under it (a
    /// Kubernetes secret volume and its `..data` symlink).
    pub fn secrets_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.layers.push(Layer::SecretsDir(dir.into()));
        self
    }

    /// Adds a `.env` file ([`DotEnv`]), watched through its directory (an editor's rename).
    pub fn dotenv(mut self, file: impl Into<PathBuf>) -> Self {
        self.layers.push(Layer::DotEnv(file.into()));
        self
    }

    /// Adds the service bindings under `root` ([`ServiceBindings`], resolved against the
    /// watched type's manifest), watched with everything under it.
    pub fn bindings(mut self, root: impl Into<PathBuf>) -> Self {
        self.layers.push(Layer::Bindings(root.into(), Vec::new()));
        self
    }

    /// Names the binding of `var` in the last [`bindings`](Self::bindings) layer
    /// ([`ServiceBindings::bind`]).
    pub fn bind(mut self, var: impl Into<String>, binding: impl Into<String>) -> Self {
        if let Some(Layer::Bindings(_, named)) = self.layers.last_mut() {
            named.push((var.into(), binding.into()));
        }
        self
    }

    /// How long the watched files must stay the same before a reload reads them (default
    /// 50 ms): the tree is read twice, this far apart, and must be equal both times.
    pub fn settle(mut self, settle: Duration) -> Self {
        self.settle = Some(settle);
        self
    }

    /// Polls the watched files every `interval` instead of asking the system for file events
    /// (used anyway when events are unavailable, every 500 ms).
    pub fn poll(mut self, interval: Duration) -> Self {
        self.poll = Some(interval);
        self
    }

    fn open(&self, manifest: &'static Manifest) -> Result<Layered, SourceError> {
        let mut layered = Layered::new();
        for layer in &self.layers {
            layered = match layer {
                Layer::Fixed(s) => layered.with(Shared(Arc::clone(s))),
                Layer::SecretsDir(dir) => layered.with(SecretsDir::open(dir)?),
                Layer::DotEnv(file) => layered.with(DotEnv::from_path(file)?),
                Layer::Bindings(root, named) => {
                    let mut b = ServiceBindings::open(root)?;
                    for (var, binding) in named {
                        b = b.bind(var.clone(), binding.clone());
                    }
                    layered.with(b.resolve(manifest))
                }
            };
        }
        Ok(layered)
    }

    /// The watched paths of the layers themselves: `(path, recursive)`.
    fn layer_paths(&self) -> Vec<(PathBuf, bool)> {
        self.layers
            .iter()
            .filter_map(|l| match l {
                Layer::Fixed(_) => None,
                Layer::SecretsDir(p) | Layer::Bindings(p, _) => Some((p.clone(), true)),
                Layer::DotEnv(p) => Some((p.clone(), false)),
            })
            .collect()
    }
}

impl fmt::Debug for WatchSources {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WatchSources")
            .field("paths", &self.layer_paths())
            .finish_non_exhaustive()
    }
}

/// A fixed layer shared by every rebuild.
struct Shared(Arc<dyn Source + Send + Sync>);

impl Source for Shared {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        self.0.lookup(name)
    }
    fn may_hold_file_variables(&self) -> bool {
        self.0.may_hold_file_variables()
    }
    fn names_with_prefix(&self, prefix: &str) -> Option<Vec<&str>> {
        self.0.names_with_prefix(prefix)
    }
    fn layers(&self) -> Option<&Layers> {
        self.0.layers()
    }
    fn max_file_size(&self) -> u64 {
        self.0.max_file_size()
    }
}

/// What a reload delivers.
#[derive(Debug)]
#[non_exhaustive]
pub enum Event {
    /// The new config was valid and differs: it replaced the old one. The fields that changed,
    /// in manifest order.
    Changed(Vec<Change>),
    /// The new config is broken: the old one stays. Every problem, redacted.
    Rejected(Rejected),
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::Changed(changes) => {
                write!(f, "changed:")?;
                for c in changes {
                    write!(f, "\n  {c}")?;
                }
                Ok(())
            }
            Event::Rejected(r) => write!(f, "rejected, the current config stays: {r}"),
        }
    }
}

/// Why a reload was rejected.
#[derive(Debug)]
#[non_exhaustive]
pub enum Rejected {
    /// The config does not load: every problem.
    Load(LoadError),
    /// A source cannot be opened (a missing directory, a `.env` syntax error).
    Source(SourceError),
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejected::Load(e) => write!(f, "{e}"),
            Rejected::Source(e) => write!(f, "{e}"),
        }
    }
}

/// One field that changed: its path, variable, and its value before and after, redacted
/// (each as its type prints it: credentials `***`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The dotted field path (`replica.url`).
    pub field: String,
    /// The full variable name.
    pub var: String,
    /// The old value, redacted (`unset` when it was unset).
    pub old: String,
    /// The new value, redacted.
    pub new: String,
}

impl Change {
    /// Whether only what is redacted changed (a rotated password): `old` and `new` print the same.
    pub fn secret_only(&self) -> bool {
        self.old == self.new
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {} → {}",
            self.field, self.var, self.old, self.new
        )?;
        if self.secret_only() {
            f.write_str(" (a credential changed)")?;
        }
        Ok(())
    }
}

/// Why a watch could not start.
#[derive(Debug)]
#[non_exhaustive]
pub enum WatchError {
    /// The first load failed: every problem.
    Load(LoadError),
    /// A source cannot be opened.
    Source(SourceError),
}

impl fmt::Display for WatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WatchError::Load(e) => write!(f, "{e}"),
            WatchError::Source(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for WatchError {}

/// Sends an explicit reload to its [`Watch`] from any thread (a SIGHUP handler).
#[derive(Clone, Debug)]
pub struct Reloader(Sender<Signal>);

impl Reloader {
    /// Asks for a reload; the watch performs it in its next [`Watch::next_event`]. `false`
    /// when the watch is gone.
    pub fn reload(&self) -> bool {
        self.0.send(Signal::Reload).is_ok()
    }
}

#[derive(Debug)]
enum Signal {
    Files,
    Reload,
}

/// One field's value as loaded: a hash of the text (never kept) and how it prints.
#[derive(Clone, PartialEq, Eq)]
struct Shown {
    hash: u64,
    text: String,
}

/// A [`Resources`] struct kept current with its files.
///
/// [`start`](Watch::start) loads once; [`next_event`](Watch::next_event) waits for a change
/// of a watched file (or an explicit reload from a [`Reloader`]), waits until the files are
/// the same across two reads ([`WatchSources::settle`] apart), reloads the whole config and
/// validates it, and delivers what changed. A reload whose files changed while it read them is
/// read again, so it never mixes the old and new files of one update (Kubernetes swaps a
/// secret volume's `..data` symlink atomically; editors rename, `kubectl cp` writes in place:
/// each is delivered once). A broken config is delivered as [`Event::Rejected`] and the old
/// value stays; a reload that changes nothing delivers nothing.
///
/// The process environment cannot change from outside: fields read from a
/// [`fixed`](WatchSources::fixed) layer stay as loaded.
pub struct Watch<R: Resources> {
    sources: WatchSources,
    current: Arc<R>,
    shown: Vec<(String, String, Option<Shown>)>,
    fingerprint: u64,
    watched: Vec<(PathBuf, bool)>,
    tx: Sender<Signal>,
    rx: Receiver<Signal>,
    watcher: Option<notify::RecommendedWatcher>,
    poll: Option<Duration>,
    settle: Duration,
}

/// The poll interval when file events are unavailable.
const FALLBACK_POLL: Duration = Duration::from_millis(500);
/// At most this many reads of a tree that keeps changing before a reload gives up for now.
const MAX_SETTLE_ROUNDS: usize = 100;

impl<R: Resources> Watch<R> {
    /// Loads `R` from `sources` and starts watching their files.
    pub fn start(sources: WatchSources) -> Result<Self, WatchError> {
        let (tx, rx) = channel();
        let settle = sources.settle.unwrap_or(Duration::from_millis(50));
        let mut watch_paths = sources.layer_paths();
        let mut rounds = 0;
        let (current, shown, fingerprint) = loop {
            rounds += 1;
            let before = fingerprint(&watch_paths);
            let source = sources.open(R::MANIFEST).map_err(WatchError::Source)?;
            let paths = paths_of(&sources, &source, R::MANIFEST);
            let loaded = R::load(&source);
            let shown = field_values(&source, R::MANIFEST);
            // Files that changed during the read (or a new `NAME_FILE` target): read again.
            let same = paths == watch_paths && fingerprint(&paths) == before;
            watch_paths = paths;
            if same || rounds == MAX_SETTLE_ROUNDS {
                break (
                    loaded.map_err(WatchError::Load)?,
                    shown,
                    fingerprint(&watch_paths),
                );
            }
        };
        let mut watch = Watch {
            poll: sources.poll,
            sources,
            current: Arc::new(current),
            shown,
            fingerprint,
            watched: Vec::new(),
            tx,
            rx,
            watcher: None,
            settle,
        };
        watch.rewatch(watch_paths);
        Ok(watch)
    }

    /// The current value.
    pub fn current(&self) -> &R {
        &self.current
    }

    /// The current value, shared: a handle that stays valid after the next change replaces it.
    pub fn shared(&self) -> Arc<R> {
        Arc::clone(&self.current)
    }

    /// The paths watched, with whether everything under each is (a directory) or only the
    /// entry itself, through its directory (a file).
    pub fn watched_paths(&self) -> Vec<&Path> {
        self.watched.iter().map(|(p, _)| p.as_path()).collect()
    }

    /// Whether file events come from the system (`false`: the files are polled).
    pub fn uses_file_events(&self) -> bool {
        self.watcher.is_some()
    }

    /// A handle that asks for a reload from another thread.
    pub fn reloader(&self) -> Reloader {
        Reloader(self.tx.clone())
    }

    /// Reloads now, whether or not a file changed; what it delivers (`None`: nothing changed).
    pub fn reload(&mut self) -> Option<Event> {
        self.process(true)
    }

    /// Waits at most `timeout` for the next event. Changes that deliver nothing (a file touched
    /// but equal, a reload with no change) are absorbed while waiting; `None` when the time is up.
    pub fn next_event(&mut self, timeout: Duration) -> Option<Event> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            let wait = match (self.watcher.is_some(), self.poll) {
                (false, poll) => left.min(poll.unwrap_or(FALLBACK_POLL)),
                (true, _) => left,
            };
            let explicit = match self.rx.recv_timeout(wait) {
                Ok(Signal::Reload) => true,
                Ok(Signal::Files) => false,
                Err(RecvTimeoutError::Timeout) if self.watcher.is_none() => false,
                Err(_) => continue,
            };
            if let Some(event) = self.process(explicit) {
                return Some(event);
            }
        }
    }

    /// One reload: settle, read, validate, compare.
    fn process(&mut self, mut explicit: bool) -> Option<Event> {
        let mut rounds = 0;
        loop {
            // The signals of one update arrive together: they are one reload.
            while let Ok(signal) = self.rx.try_recv() {
                explicit |= matches!(signal, Signal::Reload);
            }
            rounds += 1;
            let stable = self.settled()?;
            if !explicit && stable == self.fingerprint {
                return None;
            }
            let source = match self.sources.open(R::MANIFEST) {
                Ok(source) => source,
                Err(e) => {
                    if fingerprint(&self.watched) != stable && rounds < MAX_SETTLE_ROUNDS {
                        continue;
                    }
                    self.fingerprint = stable;
                    return Some(Event::Rejected(Rejected::Source(e)));
                }
            };
            let paths = paths_of(&self.sources, &source, R::MANIFEST);
            let loaded = R::load(&source);
            let shown = field_values(&source, R::MANIFEST);
            // Files that changed during the read: read them again.
            if (fingerprint(&paths) != stable || paths != self.watched)
                && rounds < MAX_SETTLE_ROUNDS
            {
                self.rewatch(paths);
                continue;
            }
            self.rewatch(paths);
            self.fingerprint = stable;
            let value = match loaded {
                Ok(value) => value,
                Err(e) => return Some(Event::Rejected(Rejected::Load(e))),
            };
            let changes = diff(&self.shown, &shown);
            if changes.is_empty() {
                return None;
            }
            self.current = Arc::new(value);
            self.shown = shown;
            return Some(Event::Changed(changes));
        }
    }

    /// The fingerprint of the watched files once they are equal across two reads `settle`
    /// apart; `None` if they keep changing.
    fn settled(&self) -> Option<u64> {
        let mut last = fingerprint(&self.watched);
        for _ in 0..MAX_SETTLE_ROUNDS {
            std::thread::sleep(self.settle);
            let now = fingerprint(&self.watched);
            if now == last {
                return Some(now);
            }
            last = now;
        }
        None
    }

    /// Watches `paths` (a directory with everything under it; a file through its directory).
    fn rewatch(&mut self, paths: Vec<(PathBuf, bool)>) {
        if paths == self.watched && (self.watcher.is_some() || self.poll.is_some()) {
            return;
        }
        self.watched = paths;
        self.watcher = None;
        if self.poll.is_some() {
            return;
        }
        use notify::Watcher as _;
        let tx = self.tx.clone();
        let handler = move |event: notify::Result<notify::Event>| {
            let relevant = match event {
                Ok(e) => !matches!(e.kind, notify::EventKind::Access(_)),
                Err(_) => true,
            };
            if relevant {
                let _ = tx.send(Signal::Files);
            }
        };
        let Ok(mut watcher) = notify::recommended_watcher(handler) else {
            return;
        };
        let mut dirs: Vec<(PathBuf, notify::RecursiveMode)> = Vec::new();
        for (path, recursive) in &self.watched {
            let target = if *recursive && path.is_dir() {
                (path.clone(), notify::RecursiveMode::Recursive)
            } else {
                match path.parent() {
                    Some(p) if !p.as_os_str().is_empty() => {
                        (p.to_owned(), notify::RecursiveMode::NonRecursive)
                    }
                    _ => (PathBuf::from("."), notify::RecursiveMode::NonRecursive),
                }
            };
            if !dirs.contains(&target) {
                dirs.push(target);
            }
        }
        for (dir, mode) in dirs {
            if watcher.watch(&dir, mode).is_err() {
                // A path that cannot be watched: poll everything instead.
                return;
            }
        }
        self.watcher = Some(watcher);
    }
}

impl<R: Resources> fmt::Debug for Watch<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Watch")
            .field("type", &R::MANIFEST.type_name)
            .field("watched", &self.watched)
            .field("file_events", &self.watcher.is_some())
            .finish_non_exhaustive()
    }
}

/// The fields whose value changed, old and new as they print.
fn diff(
    old: &[(String, String, Option<Shown>)],
    new: &[(String, String, Option<Shown>)],
) -> Vec<Change> {
    let unset = || "unset".to_owned();
    new.iter()
        .zip(old)
        .filter(|((_, _, n), (_, _, o))| n.as_ref().map(|s| s.hash) != o.as_ref().map(|s| s.hash))
        .map(|((field, var, n), (_, _, o))| Change {
            field: field.clone(),
            var: var.clone(),
            old: o.as_ref().map_or_else(unset, |s| s.text.clone()),
            new: n.as_ref().map_or_else(unset, |s| s.text.clone()),
        })
        .collect()
}

/// The watched paths: the layers', and every `NAME_FILE` target a variable of `manifest` names.
fn paths_of(
    sources: &WatchSources,
    source: &dyn Source,
    manifest: &'static Manifest,
) -> Vec<(PathBuf, bool)> {
    let mut paths = sources.layer_paths();
    let mut add = |found: Option<Found<'_>>| {
        if let Some(Found {
            value: Value::Text(path),
            ..
        }) = found
        {
            let p = (PathBuf::from(path), false);
            if !path.is_empty() && !paths.contains(&p) {
                paths.push(p);
            }
        }
    };
    for v in manifest.vars() {
        let names = std::iter::once(&v.name)
            .chain(&v.aliases)
            .chain(&v.deprecated)
            .chain(v.parts.iter().map(|(_, n)| n));
        for name in names {
            add(source.lookup(&format!("{name}_FILE")));
        }
        if let Presence::List { .. } = v.decl.presence {
            let prefix = format!("{}_", v.name);
            for name in source.names_with_prefix(&prefix).unwrap_or_default() {
                if name.ends_with("_FILE") {
                    add(source.lookup(name));
                }
            }
        }
    }
    paths
}

/// A hash of everything under the watched paths: names, symlink targets and contents (each
/// file read bounded). Hidden entries count (`..data`).
fn fingerprint(paths: &[(PathBuf, bool)]) -> u64 {
    let mut h = DefaultHasher::new();
    let mut budget = 10_000usize;
    for (path, recursive) in paths {
        path.hash(&mut h);
        hash_path(path, *recursive, 4, &mut budget, &mut h);
    }
    h.finish()
}

fn hash_path(
    path: &Path,
    recursive: bool,
    depth: usize,
    budget: &mut usize,
    h: &mut DefaultHasher,
) {
    if *budget == 0 {
        return;
    }
    *budget -= 1;
    if let Ok(target) = std::fs::read_link(path) {
        target.hash(h);
    }
    match std::fs::metadata(path) {
        Err(e) => e.kind().hash(h),
        Ok(meta) if meta.is_dir() => {
            if !recursive || depth == 0 {
                return;
            }
            let Ok(entries) = std::fs::read_dir(path) else {
                return 1u8.hash(h);
            };
            let mut names: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            names.sort();
            for entry in names {
                entry.file_name().hash(h);
                hash_path(&entry, true, depth - 1, budget, h);
            }
        }
        Ok(_) => match read_bounded(path, MAX_FILE_SIZE) {
            Ok(bytes) => bytes.hash(h),
            Err(e) => e.to_string().hash(h),
        },
    }
}

/// Each variable's value as a load would parse it, as `(field path, variable, value)`: the
/// hash of its text and how its type prints it. Problems are the load's to report.
fn field_values(
    source: &dyn Source,
    manifest: &'static Manifest,
) -> Vec<(String, String, Option<Shown>)> {
    let mut scratch = Scratch::new(source);
    let mut out = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    for v in manifest.vars() {
        let decl = v.decl;
        let info = (decl.locator.info)();
        let example = || redact_example(decl.locator, decl.example.unwrap_or(info.example));
        let (path, field) = match v.field_path.rfind('.') {
            Some(i) => v.field_path.split_at(i + 1),
            None => ("", v.field_path.as_str()),
        };
        let ctx = Context {
            kind: info.kind,
            example: &example,
            field: Some((path, field)),
            compose: decl
                .locator
                .compose
                .map(|c| (info.schemes.first().map_or("", |s| s.name), c)),
        };
        let name = &v.name[..v.name.len() - decl.name.len()];
        let var = Var {
            name: decl.name,
            aliases: decl.aliases,
            field: Some(decl.field),
            deprecated: decl.deprecated,
            parts: decl.parts,
            empty_is_unset: decl.empty_is_unset,
        };
        let value = load_var(
            source,
            name,
            &var,
            decl.presence,
            &ctx,
            as_text,
            &mut problems,
            &mut warnings,
            &mut scratch,
        );
        let show = |text: &str| -> String {
            if decl.setting && info.credentials {
                return crate::REDACTED.to_owned();
            }
            (decl.locator.redact)(text).unwrap_or_else(|| "(a value not shown)".to_owned())
        };
        let shown = match value {
            None => decl.default.map(|d| {
                let text = d.text();
                Shown {
                    hash: hash_text(&text),
                    text: show(&text),
                }
            }),
            Some(value) => match value.downcast::<String>() {
                Ok(text) => Some(Shown {
                    hash: hash_text(&text),
                    text: show(&text),
                }),
                Err(value) => value.downcast::<Vec<Erased>>().ok().map(|items| {
                    let texts: Vec<String> = items
                        .into_iter()
                        .filter_map(|i| i.downcast::<String>().ok().map(|t| *t))
                        .collect();
                    Shown {
                        hash: hash_text(&texts.join("\n")),
                        text: format!(
                            "[{}]",
                            texts.iter().map(|t| show(t)).collect::<Vec<_>>().join(", ")
                        ),
                    }
                }),
            },
        };
        out.push((v.field_path.clone(), v.name.clone(), shown));
    }
    out
}

/// The "parse" that keeps the text as it would be parsed (composed from parts, credentials
/// completed): a field's value for comparison.
fn as_text(text: &str) -> Result<Erased, crate::LocatorError> {
    Ok(Box::new(text.to_owned()))
}

fn hash_text(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_prints_redacted_and_says_when_only_a_credential_changed() {
        let c = Change {
            field: "db".into(),
            var: "DATABASE_URL".into(),
            old: "postgres://app:***@a/app".into(),
            new: "postgres://app:***@a/app".into(),
        };
        assert!(c.secret_only());
        assert_eq!(
            c.to_string(),
            "db (DATABASE_URL): postgres://app:***@a/app → postgres://app:***@a/app (a credential changed)"
        );
    }
}
