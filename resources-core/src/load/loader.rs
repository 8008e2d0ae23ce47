//! [`Loader`]: variables loaded one by one by hand, every problem reported at once.

use std::marker::PhantomData;

use crate::error::{LoadError, Problem};
use crate::locator::Locator;
use crate::source::Source;

use super::lookup::Scratch;
use super::manifest::{Presence, Var, redact_example};
use super::step::{Context, load_var};
use super::values::Erased;
use super::warning::Warning;

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
    warnings: Vec<Warning>,
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
            warnings: Vec::new(),
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
            example: &|| redact_example(L::FNS, info.example),
            field: var.field.map(|f| ("", f)),
            compose: L::COMPOSE.map(|c| (info.schemes.first().map_or("", |s| s.name), c)),
        };
        load_var(
            self.source,
            &self.prefix,
            &var,
            presence,
            &ctx,
            L::FNS.parse,
            &mut self.problems,
            &mut self.warnings,
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
