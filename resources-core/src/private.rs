//! Support for the code `#[derive(Resources)]` generates. Not a public API: it may change in any
//! release (the facade pins its sister crates to exact versions).

use std::any::Any;

use crate::error::Problem;
use crate::load::{Context, Scratch, Var, load_var};
use crate::locator::Locator;

pub use crate::error::LoadError;
pub use crate::load::Presence;
pub use crate::manifest::{BuildFn, Entry, FlattenDecl, LocatorFns, Manifest, VarDecl};
pub use crate::resources::Resources;
pub use crate::source::Source;

type Erased = Box<dyn Any + Send>;

/// The values of one load, in manifest order (depth first).
pub struct Values {
    items: std::vec::IntoIter<Option<Erased>>,
}

impl Values {
    /// The next value, of a required field.
    pub fn required<L: Any>(&mut self) -> Option<L> {
        self.items.next()??.downcast::<L>().ok().map(|b| *b)
    }

    /// The next value, of an `Option` field.
    pub fn optional<L: Any>(&mut self) -> Option<Option<L>> {
        match self.items.next()? {
            None => Some(None),
            Some(b) => b.downcast::<L>().ok().map(|b| Some(*b)),
        }
    }

    /// The next value, of a `Vec` field.
    pub fn list<L: Any>(&mut self) -> Option<Vec<L>> {
        let items = self.items.next()??.downcast::<Vec<Erased>>().ok()?;
        items
            .into_iter()
            .map(|i| i.downcast::<L>().ok().map(|b| *b))
            .collect()
    }

    /// The next values, of the flattened field declared by `entry`.
    pub fn flattened<T: Any>(&mut self, entry: &Entry) -> Option<T> {
        match entry {
            Entry::Flatten(f) => (f.build)(self)?.downcast::<T>().ok().map(|b| *b),
            Entry::Var(_) => None,
        }
    }
}

/// The one loading loop every derived struct shares: walks the manifest, looks every variable
/// up, parses it with its locator's entry point, and collects every problem.
pub fn load_values(source: &dyn Source, manifest: &'static Manifest) -> Result<Values, LoadError> {
    let mut values = Vec::with_capacity(manifest.entries.len());
    let mut problems = Vec::new();
    let mut scratch = Scratch::new(source);
    walk(
        source,
        manifest,
        "",
        "",
        &mut values,
        &mut problems,
        &mut scratch,
    );
    match LoadError::from_problems(problems) {
        Some(err) => Err(err),
        None => Ok(Values {
            items: values.into_iter(),
        }),
    }
}

fn walk(
    source: &dyn Source,
    manifest: &'static Manifest,
    prefix: &str,
    path: &str,
    values: &mut Vec<Option<Erased>>,
    problems: &mut Vec<Problem>,
    scratch: &mut Scratch,
) {
    let prefix: std::borrow::Cow<'_, str> = if manifest.prefix.is_empty() {
        prefix.into()
    } else {
        format!("{prefix}{}", manifest.prefix).into()
    };
    for entry in manifest.entries {
        match entry {
            Entry::Var(decl) => {
                let var = Var {
                    name: decl.name,
                    aliases: decl.aliases,
                    field: Some(decl.field),
                };
                let info = (decl.locator.info)();
                // The example is shown redacted, as in the docs.
                let example = || {
                    crate::manifest::redact_example(
                        decl.locator,
                        decl.example.unwrap_or(info.example),
                    )
                };
                let ctx = Context {
                    kind: info.kind,
                    example: &example,
                    field: Some((path, decl.field)),
                };
                values.push(load_var(
                    source,
                    &prefix,
                    &var,
                    decl.presence,
                    &ctx,
                    decl.locator.parse,
                    problems,
                    scratch,
                ));
            }
            Entry::Flatten(flat) => walk(
                source,
                flat.manifest,
                &format!("{prefix}{}", flat.prefix),
                &format!("{path}{}.", flat.field),
                values,
                problems,
                scratch,
            ),
        }
    }
}

/// The functions of a built-in locator type, found by the name the derive sees (`PostgresUrl`,
/// or the kind's marker name inside `ServiceUrl<…>`): what lets the derive check an
/// `example = "…"` at compile time.
pub fn builtin_locator(type_name: &str) -> Option<LocatorFns> {
    use crate::*;
    Some(match type_name {
        "PostgresUrl" | "Postgres" => LocatorFns::of::<PostgresUrl>(),
        "MySqlUrl" | "MySql" => LocatorFns::of::<MySqlUrl>(),
        "RedisUrl" | "Redis" => LocatorFns::of::<RedisUrl>(),
        "AmqpUrl" | "Amqp" => LocatorFns::of::<AmqpUrl>(),
        "SmtpUrl" | "Smtp" => LocatorFns::of::<SmtpUrl>(),
        "MongoUrl" | "Mongo" => LocatorFns::of::<MongoUrl>(),
        "NatsUrl" | "Nats" => LocatorFns::of::<NatsUrl>(),
        "HttpUrl" | "Http" => LocatorFns::of::<HttpUrl>(),
        "ApiUrl" | "Api" => LocatorFns::of::<ApiUrl>(),
        "S3Url" | "S3" => LocatorFns::of::<S3Url>(),
        "SqliteUrl" | "Sqlite" => LocatorFns::of::<SqliteUrl>(),
        "CouchDbUrl" | "CouchDb" => LocatorFns::of::<CouchDbUrl>(),
        "BeanstalkdUrl" | "Beanstalkd" => LocatorFns::of::<BeanstalkdUrl>(),
        "KafkaBrokers" => LocatorFns::of::<KafkaBrokers>(),
        "MemcachedServers" => LocatorFns::of::<MemcachedServers>(),
        "Secret" => LocatorFns::of::<Secret<String>>(),
        _ => return None,
    })
}

/// How one field is loaded: one column of the generated table, naming the field's type once.
#[derive(Clone, Copy)]
pub enum Col {
    /// A variable (or an indexed list of them).
    Var(Presence, LocatorFns),
    /// A flattened struct.
    Flatten(&'static Manifest, BuildFn),
}

/// A required field.
pub const fn req<L: Locator>() -> Col {
    Col::Var(Presence::Required, LocatorFns::of::<L>())
}

/// An `Option` field.
pub const fn opt<L: Locator>() -> Col {
    Col::Var(Presence::Optional, LocatorFns::of::<L>())
}

/// A `Vec` field with at least `min` entries.
pub const fn list<L: Locator>(min: usize) -> Col {
    Col::Var(Presence::List { min }, LocatorFns::of::<L>())
}

fn build_erased<R: Resources>(values: &mut Values) -> Option<Erased> {
    R::__build(values).map(|r| Box::new(r) as Erased)
}

/// A flattened field.
pub const fn flat<R: Resources>() -> Col {
    Col::Flatten(R::MANIFEST, build_erased::<R>)
}

/// The rarely used parts of a field: aliases, example, flatten prefix.
#[derive(Clone, Copy)]
pub struct Extra {
    /// Other names, tried in order.
    pub aliases: &'static [&'static str],
    /// `example = "…"`, `""` if none.
    pub example: &'static str,
    /// The flatten prefix, `""` if none.
    pub prefix: &'static str,
}

/// A field with no alias, example or prefix.
pub const NONE: Extra = Extra {
    aliases: &[],
    example: "",
    prefix: "",
};

const PLACEHOLDER: Entry = Entry::Var(VarDecl {
    field: "",
    name: "",
    aliases: &[],
    presence: Presence::Required,
    description: "",
    example: None,
    locator: LocatorFns::of::<crate::Secret<String>>(),
});

/// Builds the manifest entries from the columns the derive writes: the field names, the
/// variable names, how each is loaded, the descriptions, the rest. Columns keep the generated
/// code to a few tokens per field.
pub const fn entries<const N: usize>(
    fields: [&'static str; N],
    names: [&'static str; N],
    cols: [Col; N],
    docs: [&'static str; N],
    extras: [Extra; N],
) -> [Entry; N] {
    let mut out = [PLACEHOLDER; N];
    let mut i = 0;
    while i < N {
        let extra = extras[i];
        out[i] = match cols[i] {
            Col::Var(presence, locator) => Entry::Var(VarDecl {
                field: fields[i],
                name: names[i],
                aliases: extra.aliases,
                presence,
                description: docs[i],
                example: if extra.example.is_empty() {
                    None
                } else {
                    Some(extra.example)
                },
                locator,
            }),
            Col::Flatten(manifest, build) => Entry::Flatten(FlattenDecl {
                field: fields[i],
                prefix: extra.prefix,
                description: docs[i],
                manifest,
                build,
            }),
        };
        i += 1;
    }
    out
}

/// How deep prefixes may nest (container and flatten prefixes, plus the name).
const DEPTH: usize = 16;

/// A variable name as the prefixes that build it, compared without allocating.
#[derive(Clone, Copy)]
struct Chain {
    parts: [&'static str; DEPTH],
    len: usize,
}

const EMPTY: Chain = Chain {
    parts: [""; DEPTH],
    len: 0,
};

const fn push(mut chain: Chain, part: &'static str) -> Chain {
    if chain.len == DEPTH {
        panic!("flattened structs nest too deep for #[derive(Resources)]");
    }
    chain.parts[chain.len] = part;
    chain.len += 1;
    chain
}

/// Whether two chains spell the same name.
const fn chain_eq(a: &Chain, b: &Chain) -> bool {
    let (mut ap, mut ai, mut bp, mut bi) = (0, 0, 0, 0);
    loop {
        while ap < a.len && ai == a.parts[ap].len() {
            ap += 1;
            ai = 0;
        }
        while bp < b.len && bi == b.parts[bp].len() {
            bp += 1;
            bi = 0;
        }
        if ap == a.len || bp == b.len {
            return ap == a.len && bp == b.len;
        }
        if a.parts[ap].as_bytes()[ai] != b.parts[bp].as_bytes()[bi] {
            return false;
        }
        ai += 1;
        bi += 1;
    }
}

/// How many names of `m` (under `chain`) equal `target`.
const fn count(m: &'static Manifest, chain: Chain, target: &Chain) -> usize {
    let chain = push(chain, m.prefix);
    let mut n = 0;
    let mut e = 0;
    while e < m.entries.len() {
        match &m.entries[e] {
            Entry::Var(v) => {
                if chain_eq(&push(chain, v.name), target) {
                    n += 1;
                }
                let mut a = 0;
                while a < v.aliases.len() {
                    if chain_eq(&push(chain, v.aliases[a]), target) {
                        n += 1;
                    }
                    a += 1;
                }
            }
            Entry::Flatten(f) => n += count(f.manifest, push(chain, f.prefix), target),
        }
        e += 1;
    }
    n
}

const fn check_walk(
    m: &'static Manifest,
    chain: Chain,
    root: &'static Manifest,
    message: &'static str,
) {
    let chain = push(chain, m.prefix);
    let mut e = 0;
    while e < m.entries.len() {
        match &m.entries[e] {
            Entry::Var(v) => {
                if count(root, EMPTY, &push(chain, v.name)) > 1 {
                    panic!("{}", message);
                }
                let mut a = 0;
                while a < v.aliases.len() {
                    if count(root, EMPTY, &push(chain, v.aliases[a])) > 1 {
                        panic!("{}", message);
                    }
                    a += 1;
                }
            }
            Entry::Flatten(f) => check_walk(f.manifest, push(chain, f.prefix), root, message),
        }
        e += 1;
    }
}

/// Fails compilation (in a `const` item) when two variables of a struct with flattened fields
/// get the same name once every prefix applies. The derive checks names it can see; this
/// checks the ones only the nested structs know.
pub const fn check_unique_names(root: &'static Manifest, message: &'static str) {
    check_walk(root, EMPTY, root, message);
}
