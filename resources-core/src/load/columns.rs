//! The columns `#[derive(Resources)]` writes, folded into manifest entries in const evaluation,
//! and the functions of the built-in locator types the derive looks up at compile time.

use crate::locator::{Locator, PartDecl};
use crate::resources::Resources;

use crate::setting::{FromStrSetting, SerdeSetting, Setting};

use super::manifest::{DefaultValue, Entry, FlattenDecl, LocatorFns, Manifest, Presence, VarDecl};
use super::values::{BuildFn, Erased, Values};
use crate::setting::fns::setting_text;

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
        "DatabaseUrl" => LocatorFns::of::<DatabaseUrl>(),
        "PemKey" => LocatorFns::of::<PemKey>(),
        "Secret" => LocatorFns::of::<Secret<String>>(),
        _ => return None,
    })
}

/// The function table of a primitive [`Setting`] type or `String`, found by the name the
/// derive sees (`u16`, `bool`, `String`, …): fields of such a type share one column of the
/// table. Types a crate may well have its own of under the same name (`Duration` from chrono
/// or time, `IpAddr`, …) are left out, so each of their fields keeps its own column and its
/// own error when the type is not a [`Setting`].
pub fn builtin_setting(type_name: &str) -> Option<&'static LocatorFns> {
    macro_rules! by_name {
        ($($ty:ident),*) => {
            match type_name {
                $(stringify!($ty) => Some(<$ty as Setting>::FNS),)*
                _ => None,
            }
        };
    }
    by_name!(
        u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64, bool, String
    )
}

/// How one field is loaded: one column of the generated table, naming the field's type once.
#[derive(Clone, Copy)]
pub enum Col {
    /// A variable (or an indexed list of them).
    Var(Presence, &'static LocatorFns, Naming),
    /// A flattened struct; `true` for an `Option` of it (all or none).
    Flatten(&'static Manifest, BuildFn, bool),
    /// A setting, with its default if it has one.
    Setting(Presence, &'static LocatorFns, Option<DefaultValue>),
}

/// Whether the derive's name of a variable field ends in a `_URL` it derived, and whether the
/// field's locator type is URL-shaped ([`Locator::URL_SHAPED`]): a derived `_URL` is dropped
/// for a type that is not.
#[derive(Clone, Copy)]
pub struct Naming {
    url_shaped: bool,
    derived_url: bool,
}

impl Naming {
    const fn of<L: Locator>() -> Self {
        Naming {
            url_shaped: L::URL_SHAPED,
            derived_url: false,
        }
    }

    /// The variable name: `name` as written, without its derived `_URL` when the type is not
    /// URL-shaped.
    const fn name(self, name: &'static str) -> &'static str {
        let bytes = name.as_bytes();
        if self.url_shaped || !self.derived_url || bytes.len() < 4 {
            return name;
        }
        // A byte test and a split at an ASCII boundary: no UTF-8 validation of the whole name
        // in const evaluation, which is slow there.
        match bytes.split_at(bytes.len() - 4).1 {
            [b'_', b'U', b'R', b'L'] => name.split_at(name.len() - 4).0,
            _ => name,
        }
    }
}

impl Col {
    /// The column of a field whose name ends in a `_URL` the derive added (a field of a type it
    /// does not know): the suffix is kept only if the type is URL-shaped.
    pub const fn derived_url(self) -> Col {
        match self {
            Col::Var(presence, locator, naming) => Col::Var(
                presence,
                locator,
                Naming {
                    derived_url: true,
                    ..naming
                },
            ),
            other => other,
        }
    }
}

/// A required field.
pub const fn req<L: Locator>() -> Col {
    Col::Var(Presence::Required, L::FNS, Naming::of::<L>())
}

/// An `Option` field.
pub const fn opt<L: Locator>() -> Col {
    Col::Var(Presence::Optional, L::FNS, Naming::of::<L>())
}

/// A `Vec` field with at least `min` entries.
pub const fn list<L: Locator>(min: usize) -> Col {
    Col::Var(Presence::List { min }, L::FNS, Naming::of::<L>())
}

fn build_erased<R: Resources>(values: &mut Values) -> Erased {
    Box::new(R::__build(values))
}

/// A required setting without default.
pub const fn set_req(fns: &'static LocatorFns) -> Col {
    Col::Setting(Presence::Required, fns, None)
}

/// An `Option` setting.
pub const fn set_opt(fns: &'static LocatorFns) -> Col {
    Col::Setting(Presence::Optional, fns, None)
}

/// A setting with a default: `value` builds it (the derive writes the user's expression,
/// type-checked against the field's type at the expression's span); `text` writes it as config
/// text when the type can (a [`Setting`]), else docs show the expression as `written`.
pub const fn set_default(
    fns: &'static LocatorFns,
    value: fn() -> Erased,
    text: Option<fn(&Erased) -> String>,
    written: &'static str,
) -> Col {
    Col::Setting(
        Presence::Optional,
        fns,
        Some(DefaultValue {
            value,
            text,
            written,
        }),
    )
}

/// A required [`Setting`] without default (the short column the derive writes for it).
pub const fn setting<T: Setting>() -> Col {
    set_req(T::FNS)
}

/// An `Option` of a [`Setting`] type (the short column).
pub const fn setting_opt<T: Setting>() -> Col {
    set_opt(T::FNS)
}

/// The functions of a [`Setting`] type.
pub const fn setting_fns<T: Setting>() -> &'static LocatorFns {
    T::FNS
}

/// Writes a default of [`Setting`] type `T` as config text.
pub const fn setting_text_fn<T: Setting>() -> Option<fn(&Erased) -> String> {
    Some(setting_text::<T>)
}

/// The functions of a `FromStr` type (`#[setting(from_str)]`).
pub const fn from_str_fns<T: FromStrSetting>() -> &'static LocatorFns {
    Table::<T>::FROM_STR
}

/// The functions of a serde type decoded as envy does (`#[setting(serde)]`).
pub const fn serde_fns<T: SerdeSetting>() -> &'static LocatorFns {
    Table::<T>::SERDE
}

/// Holds the function tables of `T` that no trait of `T` carries, as `'static` constants.
struct Table<T>(std::marker::PhantomData<T>);

impl<T: FromStrSetting> Table<T> {
    const FROM_STR: &'static LocatorFns = &LocatorFns::from_str::<T>();
}

impl<T: SerdeSetting> Table<T> {
    const SERDE: &'static LocatorFns = &LocatorFns::serde::<T>();
}

/// Boxes a setting's default (what the derive's default closure returns).
pub fn erase<T: Send + 'static>(value: T) -> Erased {
    Box::new(value)
}

/// A flattened field.
pub const fn flat<R: Resources>() -> Col {
    Col::Flatten(R::MANIFEST, build_erased::<R>, false)
}

/// An `Option` of a flattened struct: present when any of its variables is set.
pub const fn flat_opt<R: Resources>() -> Col {
    Col::Flatten(R::MANIFEST, build_erased::<R>, true)
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
    /// Deprecated names, tried after the aliases.
    pub deprecated: &'static [&'static str],
    /// Variables holding parts of the locator.
    pub parts: &'static [PartDecl],
    /// An empty value reads as unset.
    pub empty_is_unset: bool,
    /// The service binding named for the field.
    pub binding: Option<&'static str>,
}

/// A field with no alias, example or prefix.
pub const NONE: Extra = Extra {
    aliases: &[],
    example: "",
    prefix: "",
    deprecated: &[],
    parts: &[],
    empty_is_unset: false,
    binding: None,
};

/// The table placeholders hold until they are filled.
const PLACEHOLDER_FNS: &LocatorFns = <crate::Secret<String> as Locator>::FNS;

const PLACEHOLDER: Entry = Entry::Var(VarDecl {
    field: "",
    name: "",
    aliases: &[],
    deprecated: &[],
    parts: &[],
    empty_is_unset: false,
    binding: None,
    presence: Presence::Required,
    description: "",
    example: None,
    locator: PLACEHOLDER_FNS,
    setting: false,
    default: None,
});

/// One variable's declaration: a resource, or a setting (which has no `example`, the derive
/// refuses one, and may have a default).
const fn var_entry(
    (field, name, description): (&'static str, &'static str, &'static str),
    extra: Extra,
    presence: Presence,
    locator: &'static LocatorFns,
    default: Option<DefaultValue>,
    setting: bool,
) -> Entry {
    Entry::Var(VarDecl {
        field,
        name,
        aliases: extra.aliases,
        deprecated: extra.deprecated,
        parts: extra.parts,
        empty_is_unset: extra.empty_is_unset,
        binding: extra.binding,
        presence,
        description,
        example: if extra.example.is_empty() {
            None
        } else {
            Some(extra.example)
        },
        locator,
        setting,
        default,
    })
}

/// The column of each field, from the distinct columns of the struct and each field's index
/// into them: the derive names each distinct field type once, however many fields share it.
///
/// An index out of range fails the build in const evaluation (the derive writes none).
pub const fn pick<const K: usize, const N: usize>(kinds: [Col; K], index: [usize; N]) -> [Col; N] {
    let mut out = [Col::Setting(Presence::Required, PLACEHOLDER_FNS, None); N];
    let mut i = 0;
    while i < N {
        out[i] = kinds[index[i]];
        i += 1;
    }
    out
}

/// [`entries`] for a struct none of whose fields has an alias, example, prefix, deprecated
/// name, part or opt-in: one column fewer in the generated code.
pub const fn plain_entries<const N: usize>(
    fields: [&'static str; N],
    names: [&'static str; N],
    cols: [Col; N],
    docs: [&'static str; N],
) -> [Entry; N] {
    entries(fields, names, cols, docs, [NONE; N])
}

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
            Col::Var(presence, locator, naming) => var_entry(
                (fields[i], naming.name(names[i]), docs[i]),
                extra,
                presence,
                locator,
                None,
                false,
            ),
            Col::Setting(presence, locator, default) => var_entry(
                (fields[i], names[i], docs[i]),
                extra,
                presence,
                locator,
                default,
                true,
            ),
            Col::Flatten(manifest, build, optional) => Entry::Flatten(FlattenDecl {
                optional,
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
