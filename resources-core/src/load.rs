//! Loading: variable lookup with aliases and `NAME_FILE`, and [`Loader`], which collects every
//! problem of a load before it returns.

use std::any::Any;
use std::borrow::Cow;
use std::marker::PhantomData;

use crate::error::{LoadError, Problem, ProblemKind};
use crate::locator::Locator;
use crate::source::{Origin, Source, Value, trim_one_newline};

/// A type-erased loaded value (one per field of a load).
pub(crate) type Erased = Box<dyn Any + Send>;

/// Where a found value came from, turned into text only when a problem needs it.
pub(crate) enum Provenance<'a> {
    /// The source, as it says.
    Source(Origin<'a>),
    /// The file named by a `NAME_FILE` variable.
    File { path: &'a str, file_var: String },
}

impl std::fmt::Display for Provenance<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Provenance::Source(origin) => write!(f, "{origin}"),
            Provenance::File { path, file_var } => write!(f, "`{path}` (through {file_var})"),
        }
    }
}

/// The outcome of looking up one variable under its names.
pub(crate) enum Fetch<'a> {
    /// No name is set.
    Unset,
    /// A value, from the `index`-th name (0 is the main name, then the aliases).
    Found {
        index: usize,
        text: Cow<'a, str>,
        from: Provenance<'a>,
    },
    /// Set, but unusable.
    Failed {
        var: String,
        what: ProblemKind,
        origin: Option<String>,
    },
}

/// Looks up `prefix` + each of `names` in order; for each, `NAME` then `NAME_FILE` (both set
/// is a problem). `scratch` is reused for the names, so a lookup allocates only on a problem.
pub(crate) fn fetch<'a>(
    source: &'a dyn Source,
    prefix: &str,
    names: impl IntoIterator<Item = &'a str>,
    scratch: &mut Scratch,
) -> Fetch<'a> {
    let files = scratch.files;
    let scratch = &mut scratch.name;
    for (index, name) in names.into_iter().enumerate() {
        scratch.clear();
        scratch.push_str(prefix);
        scratch.push_str(name);
        let direct = source.lookup(scratch);
        let name_len = scratch.len();
        scratch.push_str("_FILE");
        let file = if files { source.lookup(scratch) } else { None };
        let var = |s: &String| s[..name_len].to_owned();
        match (direct, file) {
            (Some(found), Some(_)) => {
                return Fetch::Failed {
                    var: var(scratch),
                    what: ProblemKind::BothSet {
                        file_var: scratch.clone(),
                    },
                    origin: Some(found.origin.to_string()),
                };
            }
            (Some(found), None) => {
                let failed = |what| Fetch::Failed {
                    var: var(scratch),
                    what,
                    origin: Some(found.origin.to_string()),
                };
                return match found.value {
                    Value::NotUnicode => failed(ProblemKind::NotUnicode),
                    Value::Text("") => failed(ProblemKind::Empty),
                    Value::Text(text) => Fetch::Found {
                        index,
                        text: Cow::Borrowed(text),
                        from: Provenance::Source(found.origin),
                    },
                };
            }
            (None, Some(found)) => {
                return fetch_file(
                    index,
                    var(scratch),
                    scratch.clone(),
                    found.value,
                    found.origin,
                );
            }
            (None, None) => {}
        }
    }
    Fetch::Unset
}

/// Reads the file named by `NAME_FILE`; one trailing newline is trimmed.
fn fetch_file<'a>(
    index: usize,
    name: String,
    file_var: String,
    value: Value<'a>,
    origin: Origin<'a>,
) -> Fetch<'a> {
    let failed = |what| Fetch::Failed {
        var: name.clone(),
        what,
        origin: Some(origin.to_string()),
    };
    let path = match value {
        Value::Text(p) if !p.is_empty() => p,
        Value::Text(_) => return failed(ProblemKind::Empty),
        Value::NotUnicode => return failed(ProblemKind::NotUnicode),
    };
    let unreadable = |reason: String| ProblemKind::FileUnreadable {
        file_var: file_var.clone(),
        path: path.to_owned(),
        reason,
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return failed(unreadable(e.to_string())),
    };
    let Ok(mut text) = String::from_utf8(bytes) else {
        return failed(ProblemKind::NotUnicode);
    };
    trim_one_newline(&mut text);
    if text.is_empty() {
        return failed(ProblemKind::Empty);
    }
    Fetch::Found {
        index,
        text: Cow::Owned(text),
        from: Provenance::File { path, file_var },
    }
}

/// How a variable is required.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// Must be set.
    Required,
    /// May be unset (an `Option` field).
    Optional,
    /// Indexed variables `NAME_0`, `NAME_1`, …, at least `min` of them (a `Vec` field).
    List {
        /// The fewest entries accepted.
        min: usize,
    },
}

/// One variable to load: its name, aliases (tried in order after it) and the field it feeds.
#[derive(Clone, Copy, Debug)]
pub struct Var<'a> {
    /// The variable name, before any prefix.
    pub name: &'a str,
    /// Other names tried after `name`, in order.
    pub aliases: &'a [&'a str],
    /// The field the value feeds, for messages.
    pub field: Option<&'a str>,
}

impl<'a> Var<'a> {
    /// A variable with no aliases.
    pub const fn new(name: &'a str) -> Self {
        Var {
            name,
            aliases: &[],
            field: None,
        }
    }

    /// The same variable, trying `aliases` in order when `name` is not set.
    pub const fn aliases(mut self, aliases: &'a [&'a str]) -> Self {
        self.aliases = aliases;
        self
    }

    /// The same variable, naming the field it feeds in messages.
    pub const fn field(mut self, field: &'a str) -> Self {
        self.field = Some(field);
        self
    }
}

impl<'a> From<&'a str> for Var<'a> {
    fn from(name: &'a str) -> Self {
        Var::new(name)
    }
}

/// The parse entry point of one locator type, erased: one instance per type, not per field.
pub(crate) fn parse_erased<L: Locator>(text: &str) -> Result<Erased, crate::LocatorError> {
    L::parse_locator(text).map(|v| Box::new(v) as Erased)
}

/// Per-load state of the lookups: a reused name buffer, and whether `NAME_FILE` variables
/// can exist in the source at all.
pub(crate) struct Scratch {
    name: String,
    files: bool,
}

impl Scratch {
    pub(crate) fn new(source: &dyn Source) -> Self {
        Scratch {
            name: String::with_capacity(64),
            files: source.may_hold_file_variables(),
        }
    }
}

/// What a problem of one variable says besides the variable, computed only when there is one.
pub(crate) struct Context<'c> {
    /// The kind's name.
    pub kind: &'static str,
    /// The example to show (computed on demand: it may need a parse to redact).
    pub example: &'c dyn Fn() -> String,
    /// The field path: `(path of the enclosing flattened fields, field)`.
    pub field: Option<(&'c str, &'c str)>,
}

/// The non-generic loading step shared by every variable: look the names up, parse with
/// `parse`, and record a problem on failure. Allocates nothing beyond the value unless a
/// problem is recorded.
#[allow(clippy::too_many_arguments)]
pub(crate) fn load_var(
    source: &dyn Source,
    prefix: &str,
    var: &Var<'_>,
    presence: Presence,
    ctx: &Context<'_>,
    parse: fn(&str) -> Result<Erased, crate::LocatorError>,
    problems: &mut Vec<Problem>,
    scratch: &mut Scratch,
) -> Option<Erased> {
    let problem = |name: &str, what| {
        let mut p = Problem::new(name, ctx.kind, what).with_example((ctx.example)());
        if let Some((path, field)) = ctx.field {
            p = p.with_field(format!("{path}{field}"));
        }
        p
    };
    let failed = |name: &str, what, origin: Option<String>| match origin {
        Some(o) => problem(name, what).with_origin(o),
        None => problem(name, what),
    };
    if let Presence::List { min } = presence {
        let mut items: Vec<Erased> = Vec::new();
        let stem = format!("{prefix}{}", var.name);
        let mut index = 0;
        let mut entry = String::new();
        loop {
            entry.clear();
            entry.push_str(&format!("{stem}_{index}"));
            match fetch(source, "", [entry.as_str()], scratch) {
                Fetch::Unset => break,
                Fetch::Found { text, from, .. } => match parse(&text) {
                    Ok(v) => items.push(v),
                    Err(e) => problems.push(
                        problem(&entry, ProblemKind::Invalid(e)).with_origin(from.to_string()),
                    ),
                },
                Fetch::Failed { var, what, origin } => problems.push(failed(&var, what, origin)),
            }
            index += 1;
        }
        // A gap: a later index set after the first unset one (checked over a bounded window).
        for later in index + 1..index + 64 {
            let name = format!("{stem}_{later}");
            if source.lookup(&name).is_some()
                || (scratch.files && source.lookup(&format!("{name}_FILE")).is_some())
            {
                problems.push(problem(
                    &stem,
                    ProblemKind::ListGap {
                        missing: index,
                        found: later,
                    },
                ));
                break;
            }
        }
        if index < min {
            problems.push(problem(&stem, ProblemKind::TooFew { min, found: index }));
        }
        return Some(Box::new(items));
    }
    let names = std::iter::once(var.name).chain(var.aliases.iter().copied());
    match fetch(source, prefix, names, scratch) {
        Fetch::Unset => {
            if presence == Presence::Required {
                let aliases = var.aliases.iter().map(|a| format!("{prefix}{a}")).collect();
                problems.push(problem(
                    &format!("{prefix}{}", var.name),
                    ProblemKind::Missing { aliases },
                ));
            }
            None
        }
        Fetch::Found { index, text, from } => match parse(&text) {
            Ok(v) => Some(v),
            Err(e) => {
                let name = if index == 0 {
                    var.name
                } else {
                    var.aliases[index - 1]
                };
                let var = format!("{prefix}{name}");
                problems.push(problem(&var, ProblemKind::Invalid(e)).with_origin(from.to_string()));
                None
            }
        },
        Fetch::Failed { var, what, origin } => {
            problems.push(failed(&var, what, origin));
            None
        }
    }
}

/// Loads variables one by one and reports every problem at once.
///
/// Each call returns a typed [`Slot`]; after [`finish`](Loader::finish) succeeds, every slot
/// holds its value. `#[derive(Resources)]` generates the same steps from a table.
///
/// ```
/// use resources_core::{Loader, MapSource, PostgresUrl, RedisUrl, Var};
///
/// let source = MapSource::new([("APP_DATABASE_URL", "postgres://app:hunter2@db/app")]);
/// let mut loader = Loader::new(&source).prefix("APP_");
/// let db = loader.required::<PostgresUrl>(Var::new("DATABASE_URL").field("db"));
/// let cache = loader.optional::<RedisUrl>("REDIS_URL");
/// let mut loaded = loader.finish()?;
/// let (db, cache) = (loaded.take(db), loaded.take(cache));
/// assert_eq!(db.to_string(), "postgres://app:***@db/app");
/// assert!(cache.is_none());
/// # Ok::<(), resources_core::LoadError>(())
/// ```
pub struct Loader<'s> {
    source: &'s dyn Source,
    scratch: Scratch,
    prefix: String,
    values: Vec<Option<Erased>>,
    problems: Vec<Problem>,
}

/// A typed handle to a value a [`Loader`] loads; redeem it with [`Loaded::take`].
#[derive(Debug)]
#[must_use = "a slot is redeemed with `Loaded::take`"]
pub struct Slot<T> {
    index: usize,
    ty: PhantomData<fn() -> T>,
}

impl<'s> Loader<'s> {
    /// A loader reading `source`.
    pub fn new(source: &'s dyn Source) -> Self {
        Loader {
            source,
            scratch: Scratch::new(source),
            prefix: String::new(),
            values: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Puts `prefix` before every name (and alias) loaded afterwards.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    fn push<T>(&mut self, value: Option<Erased>) -> Slot<T> {
        self.values.push(value);
        Slot {
            index: self.values.len() - 1,
            ty: PhantomData,
        }
    }

    /// A required variable: unset is a problem.
    pub fn required<'v, L: Locator>(&mut self, var: impl Into<Var<'v>>) -> Slot<L> {
        let value = self.load::<L>(var.into(), Presence::Required);
        self.push(value)
    }

    /// An optional variable: unset gives `None`; set but invalid is still a problem.
    pub fn optional<'v, L: Locator>(&mut self, var: impl Into<Var<'v>>) -> Slot<Option<L>> {
        let value = self
            .load::<L>(var.into(), Presence::Optional)
            .map(|v| Box::new(v.downcast::<L>().ok().map(|b| *b)) as Erased)
            .or_else(|| Some(Box::new(None::<L>)));
        self.push(value)
    }

    /// Indexed variables `NAME_0`, `NAME_1`, … without gaps, at least `min` of them.
    pub fn list<'v, L: Locator>(&mut self, var: impl Into<Var<'v>>, min: usize) -> Slot<Vec<L>> {
        let value = self.load::<L>(var.into(), Presence::List { min }).map(|v| {
            let items = v.downcast::<Vec<Erased>>().map(|b| *b).unwrap_or_default();
            let typed: Vec<L> = items
                .into_iter()
                .filter_map(|i| i.downcast::<L>().ok().map(|b| *b))
                .collect();
            Box::new(typed) as Erased
        });
        self.push(value)
    }

    fn load<L: Locator>(&mut self, var: Var<'_>, presence: Presence) -> Option<Erased> {
        let info = L::info();
        let ctx = Context {
            kind: info.kind,
            example: &|| {
                crate::manifest::redact_example(crate::LocatorFns::of::<L>(), info.example)
            },
            field: var.field.map(|f| ("", f)),
        };
        load_var(
            self.source,
            &self.prefix,
            &var,
            presence,
            &ctx,
            parse_erased::<L>,
            &mut self.problems,
            &mut self.scratch,
        )
    }

    /// Every value, or every problem of the load.
    pub fn finish(self) -> Result<Loaded, LoadError> {
        match LoadError::from_problems(self.problems) {
            Some(err) => Err(err),
            None => Ok(Loaded {
                values: self.values,
            }),
        }
    }
}

/// The values of a load that had no problem.
pub struct Loaded {
    values: Vec<Option<Erased>>,
}

impl Loaded {
    /// The value of `slot`.
    ///
    /// # Panics
    /// Only if `slot` came from another [`Loader`] or was already taken: a bug in the calling
    /// code, never a property of the configuration.
    pub fn take<T: 'static>(&mut self, slot: Slot<T>) -> T {
        let value = self
            .values
            .get_mut(slot.index)
            .and_then(Option::take)
            .and_then(|v| v.downcast::<T>().ok());
        match value {
            Some(v) => *v,
            None => panic!(
                "Loaded::take: slot {} does not belong to this load",
                slot.index
            ),
        }
    }
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loaded")
            .field("values", &self.values.len())
            .finish()
    }
}
