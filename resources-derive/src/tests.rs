//! Unit tests of every stage on `parse_quote!` input, and expansion snapshots reviewed like
//! code (`UPDATE_EXPECT=1 cargo test -p resources-derive` rewrites them).

use expect_test::expect_file;
use proc_macro2::TokenStream;
use syn::parse_quote;

use crate::ast::derived_name;
use crate::expand;

fn pretty(tokens: TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses as items");
    prettyplease::unparse(&file)
}

fn errors(tokens: &TokenStream) -> Vec<String> {
    let text = tokens.to_string();
    text.match_indices("compile_error !")
        .map(|(i, _)| {
            let rest = &text[i..];
            let start = rest.find('"').map_or(0, |s| s + 1);
            let end = rest[start..].find("\" }").map_or(rest.len(), |e| start + e);
            rest[start..end].to_owned()
        })
        .collect()
}

fn representative() -> syn::DeriveInput {
    parse_quote! {
        /// Backing services this deploy is attached to.
        #[resources(prefix = "APP_")]
        struct Backing {
            /// Primary database.
            ///
            /// Details that stay out of the table.
            #[resource(env = "DATABASE_URL", alias = "HEROKU_POSTGRESQL_URL")]
            db: PostgresUrl,
            /// Jobs | queue.
            queue: AmqpUrl,
            /// Cache; the app runs without it.
            cache: Option<RedisUrl>,
            /// Shards.
            #[resource(min = 1, example = "postgres://app:hunter2@shard.example.com/app")]
            shards: Vec<PostgresUrl>,
            /// Error tracker token.
            tracker_token: Secret<String>,
            /// Custom kind.
            logs: ServiceUrl<Loggly>,
            /// Read replica.
            #[resource(flatten, prefix = "REPLICA_")]
            replica: Replica,
        }
    }
}

#[test]
fn expansion_of_a_representative_struct() {
    let out = expand::derive(&representative());
    assert!(errors(&out).is_empty(), "{:?}", errors(&out));
    expect_file!["snapshots/backing.rs.snap"].assert_eq(&pretty(out));
}

#[test]
fn expansion_on_error_is_errors_plus_a_stub() {
    let input: syn::DeriveInput = parse_quote! {
        struct Backing {
            #[resource(default = "postgres://localhost/app")]
            db: PostgresUrl,
        }
    };
    let out = expand::derive(&input);
    expect_file!["snapshots/fallback.rs.snap"].assert_eq(&pretty(out));
}

#[test]
fn the_doc_table_lists_every_variable() {
    let out = expand::derive(&representative()).to_string();
    for row in [
        "| `APP_DATABASE_URL` (or `APP_HEROKU_POSTGRESQL_URL`) | PostgreSQL | yes | Primary database. |",
        "| `APP_QUEUE_URL` | AMQP | yes | Jobs \\\\| queue. |",
        "| `APP_CACHE_URL` | Redis | no | Cache; the app runs without it. |",
        "| `APP_SHARDS_URL_0`, `APP_SHARDS_URL_1`, … | PostgreSQL | yes (list, at least 1) | Shards. |",
        "| `APP_TRACKER_TOKEN` | secret | yes | Error tracker token. |",
        "| `APP_LOGS_URL` | ServiceUrl&lt;Loggly&gt; | yes | Custom kind. |",
        "| `APP_REPLICA_…`: the variables of [`Replica`], each prefixed `APP_REPLICA_` | Replica | see [`Replica`] | Read replica. |",
    ] {
        assert!(out.contains(row), "missing {row} in {out}");
    }
    // The description keeps the first paragraph only; the example's password never shows.
    assert!(!out.contains("Details that stay out"));
}

#[test]
fn three_mistakes_give_three_errors() {
    let input: syn::DeriveInput = parse_quote! {
        struct Backing {
            #[resource(env = "database_url")]
            db: PostgresUrl,
            #[resource(default = "redis://localhost")]
            cache: RedisUrl,
            #[resource(evn = "QUEUE_URL")]
            queue: AmqpUrl,
        }
    };
    let errors = errors(&expand::derive(&input));
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].contains("did you mean `env`"), "{errors:#?}");
    assert!(
        errors[1].starts_with("resource handles come from config, not code"),
        "{errors:#?}"
    );
    assert!(
        errors[2].contains("`database_url` is not a valid variable name"),
        "{errors:#?}"
    );
}

#[test]
fn duplicates_point_at_both() {
    let input: syn::DeriveInput = parse_quote! {
        #[resources(prefix = "X_")]
        struct Backing {
            #[resource(env = "A_URL")]
            a: PostgresUrl,
            #[resource(alias = "A_URL")]
            b: PostgresUrl,
            #[resource(env = "A_URL_FILE")]
            c: PostgresUrl,
        }
    };
    let errors = errors(&expand::derive(&input));
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].contains("`X_A_URL` is declared twice"));
    assert!(errors[1].contains("first declared here"));
    assert!(errors[2].contains("`X_A_URL_FILE` is the file form of `X_A_URL`"));
}

#[test]
fn examples_are_checked_for_builtin_kinds_only() {
    let input: syn::DeriveInput = parse_quote! {
        struct Backing {
            #[resource(example = "redis://cache")]
            db: resources::PostgresUrl,
            #[resource(example = "anything goes for a custom kind")]
            logs: LogglyUrl,
            #[resource(example = "amqp://mq/%2F")]
            queue: ServiceUrl<resources::kind::Amqp>,
        }
    };
    let errors = errors(&expand::derive(&input));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("not a valid PostgresUrl"), "{errors:#?}");
}

#[test]
fn derived_names_follow_the_rule() {
    assert_eq!(derived_name("database_url", false), "DATABASE_URL");
    assert_eq!(derived_name("cache", false), "CACHE_URL");
    assert_eq!(derived_name("dburl", false), "DBURL");
    assert_eq!(derived_name("api_key", true), "API_KEY");
}

#[test]
fn edit_distance_counts_transpositions() {
    assert_eq!(expand::edit_distance("env", "evn"), 1);
    assert_eq!(expand::edit_distance("alias", "alais"), 1);
    assert_eq!(expand::edit_distance("example", "exmaple"), 1);
    assert_eq!(expand::edit_distance("min", "prefix"), 5);
}

/// The rustdoc table the derive writes and the runtime Markdown renderer say the same thing.
#[test]
fn rustdoc_table_equals_the_runtime_markdown() {
    use resources_core::{
        Entry, LocatorFns, Manifest, PostgresUrl, Presence, RedisUrl, Secret, VarDecl,
    };

    let input: syn::DeriveInput = parse_quote! {
        #[resources(prefix = "APP_")]
        struct Backing {
            /// Primary | database.
            #[resource(env = "DATABASE_URL", alias = "PG_URL")]
            db: PostgresUrl,
            /// Cache.
            cache: Option<RedisUrl>,
            /// Shards.
            #[resource(min = 2)]
            shards: Vec<PostgresUrl>,
            /// Token.
            token: Secret<String>,
        }
    };
    static MANIFEST: Manifest = Manifest {
        type_name: "Backing",
        prefix: "APP_",
        entries: &[
            Entry::Var(VarDecl {
                field: "db",
                name: "DATABASE_URL",
                aliases: &["PG_URL"],
                deprecated: &[],
                parts: &[],
                empty_is_unset: false,
                binding: None,
                presence: Presence::Required,
                description: "Primary | database.",
                example: None,
                locator: LocatorFns::get::<PostgresUrl>(),
                setting: false,
                default: None,
            }),
            Entry::Var(VarDecl {
                field: "cache",
                name: "CACHE_URL",
                aliases: &[],
                deprecated: &[],
                parts: &[],
                empty_is_unset: false,
                binding: None,
                presence: Presence::Optional,
                description: "Cache.",
                example: None,
                locator: LocatorFns::get::<RedisUrl>(),
                setting: false,
                default: None,
            }),
            Entry::Var(VarDecl {
                field: "shards",
                name: "SHARDS_URL",
                aliases: &[],
                deprecated: &[],
                parts: &[],
                empty_is_unset: false,
                binding: None,
                presence: Presence::List { min: 2 },
                description: "Shards.",
                example: None,
                locator: LocatorFns::get::<PostgresUrl>(),
                setting: false,
                default: None,
            }),
            Entry::Var(VarDecl {
                field: "token",
                name: "TOKEN",
                aliases: &[],
                deprecated: &[],
                parts: &[],
                empty_is_unset: false,
                binding: None,
                presence: Presence::Required,
                description: "Token.",
                example: None,
                locator: LocatorFns::get::<Secret<String>>(),
                setting: false,
                default: None,
            }),
        ],
    };
    let file: syn::File = syn::parse2(expand::derive(&input)).unwrap();
    let doc = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Const(c) => match &*c.expr {
                syn::Expr::Block(b) => b.block.stmts.iter().find_map(|s| match s {
                    syn::Stmt::Item(syn::Item::Impl(i)) => {
                        i.attrs.iter().find_map(|a| match &a.meta {
                            syn::Meta::NameValue(nv) if a.path().is_ident("doc") => match &nv.value
                            {
                                syn::Expr::Lit(syn::ExprLit {
                                    lit: syn::Lit::Str(s),
                                    ..
                                }) => Some(s.value()),
                                _ => None,
                            },
                            _ => None,
                        })
                    }
                    _ => None,
                }),
                _ => None,
            },
            _ => None,
        })
        .expect("the impl carries a doc attribute");
    let runtime = resources_core::doc::markdown(&MANIFEST);
    assert!(
        doc.ends_with(&runtime),
        "rustdoc:\n{doc}\nruntime:\n{runtime}"
    );
}

#[test]
fn a_derived_url_is_left_to_the_type_when_the_derive_does_not_know_it() {
    let input: syn::DeriveInput = parse_quote! {
        #[resources(prefix = "APP_")]
        struct Backing {
            /// Encrypts tokens.
            token_encryption_key: EncryptionKey,
            keys: Vec<EncryptionKey>,
            #[resource(env = "OTHER_KEY")]
            other: EncryptionKey,
            key_url: EncryptionKey,
            cache: RedisUrl,
            logs: ServiceUrl<Loggly>,
            api_key: Secret<String>,
        }
    };
    let out = expand::derive(&input).to_string();
    assert!(errors(&expand::derive(&input)).is_empty(), "{out}");
    // Two columns are left to the type; the known types and the explicit or `url` names are
    // decided here. Neither form of those two names could clash: no name check.
    assert_eq!(out.matches(". derived_url ()").count(), 2, "{out}");
    assert_eq!(out.matches("check_unique_names").count(), 0, "{out}");
    assert!(
        out.contains("__r :: req :: < EncryptionKey > () . derived_url ()"),
        "{out}"
    );
    assert!(
        out.contains("__r :: list :: < EncryptionKey > (0usize) . derived_url ()"),
        "{out}"
    );
    // The rustdoc table cannot evaluate the type: it gives both names.
    assert!(
        out.contains("| `APP_TOKEN_ENCRYPTION_KEY_URL` | EncryptionKey | yes | Encrypts tokens. The variable is `APP_TOKEN_ENCRYPTION_KEY` instead if `EncryptionKey` is not URL-shaped. |"),
        "{out}"
    );
}

#[test]
fn a_literal_on_a_type_the_derive_does_not_know_names_both_possible_variables() {
    let input: syn::DeriveInput = parse_quote! {
        #[resources(prefix = "APP_")]
        struct Backing {
            #[resource(default = "x")]
            token: EncryptionKey,
            #[resource(default = "redis://localhost")]
            cache: RedisUrl,
            #[resource(env = "SIGNING_KEY", default = "y")]
            signing: EncryptionKey,
        }
    };
    let errors = errors(&expand::derive(&input));
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(
        errors[0].contains("set the variable of field `token` (APP_TOKEN_URL, or APP_TOKEN if its type is not URL-shaped) in the environment"),
        "{errors:#?}"
    );
    // A built-in type, or an explicit name: the exact name.
    assert!(
        errors[1].contains("set APP_CACHE_URL in the environment"),
        "{errors:#?}"
    );
    assert!(
        errors[2].contains("set APP_SIGNING_KEY in the environment"),
        "{errors:#?}"
    );
}

#[test]
fn a_fallback_in_a_prefixed_struct_says_the_alias_takes_the_prefix() {
    let input: syn::DeriveInput = parse_quote! {
        #[resources(prefix = "APP_")]
        struct Backing {
            #[resource(fallback = "APP_OLD_CACHE_URL")]
            cache: RedisUrl,
            #[resource(fallback = "OLD_QUEUE_URL")]
            queue: AmqpUrl,
        }
    };
    let errors = errors(&expand::derive(&input));
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].contains(r#"write `alias = \"OLD_CACHE_URL\"` instead of `fallback` (an alias takes the container prefix `APP_`)"#),
        "{errors:#?}"
    );
    assert!(
        errors[1].starts_with(r#"write `alias = \"OLD_QUEUE_URL\"` instead of `fallback` to read APP_OLD_QUEUE_URL when APP_QUEUE_URL is unset: an alias takes the container prefix `APP_`"#),
        "{errors:#?}"
    );
}

#[test]
fn a_name_the_type_decides_is_checked_only_when_one_of_its_forms_could_clash() {
    let input: syn::DeriveInput = parse_quote! {
        struct Backing {
            db: PostgresUrl,
            // `HOOK_URL` or `HOOK`: `HOOK_FILE` is the file form of one.
            hook: Hook,
            #[resource(flatten, prefix = "REPLICA_")]
            replica: Replica,
            // `HOOKS_URL` or `HOOKS`: `HOOKS_URL_3` is an indexed name of one.
            hooks: Vec<Hook>,
            // `RELAY_URL` or `RELAY`: nothing near either.
            relay: Hook,
            #[resource(env = "HOOK_FILE")]
            hook_file: HttpUrl,
            #[resource(env = "HOOKS_URL_3")]
            third: HttpUrl,
            // Its own alias counts.
            #[resource(alias = "SIGNAL_FILE")]
            signal: Hook,
            // Two such names: both are checked (the clash is reported once, at the later).
            token: Token,
            token_url_file: Token,
        }
    };
    let out = expand::derive(&input).to_string();
    assert!(errors(&expand::derive(&input)).is_empty(), "{out}");
    assert!(
        out.contains("const __C : & [:: core :: primitive :: usize] = & [1 , 2 , 3 , 7 , 8 , 9] ;"),
        "{out}"
    );
    for index in [1, 2, 3, 7, 8, 9] {
        assert!(
            out.contains(&format!("check_unique_names (__M , {index} , __C)")),
            "{out}"
        );
    }
    assert_eq!(out.matches("check_unique_names").count(), 6, "{out}");
}

#[test]
fn fields_of_one_builtin_type_share_a_column_and_other_types_keep_their_own() {
    let input: syn::DeriveInput = parse_quote! {
        struct Mixed {
            a: PostgresUrl,
            #[setting]
            b: u16,
            c: PostgresUrl,
            d: Option<PostgresUrl>,
            #[setting]
            e: u16,
            #[setting(default = 3)]
            f: u16,
            #[setting(default = 3)]
            g: u16,
            h: Token,
            i: Token,
            j: Secret<String>,
            k: Secret<String>,
            l: Secret<Vec<u8>>,
            m: Secret<Vec<u8>>,
            n: ServiceUrl<Loggly>,
            o: ServiceUrl<Postgres>,
            p: ServiceUrl<Postgres>,
        }
    };
    let out = expand::derive(&input);
    assert!(errors(&out).is_empty(), "{:?}", errors(&out));
    let text = out.to_string().replace(' ', "");
    let count = |needle: &str| text.matches(needle).count();
    // Built-in types, named once per distinct column.
    assert_eq!(count("__r::req::<PostgresUrl>()"), 1, "{text}");
    assert_eq!(count("__r::opt::<PostgresUrl>()"), 1, "{text}");
    assert_eq!(count("__r::setting::<u16>()"), 1, "{text}");
    // A default holds the user's expression, and a type the derive does not know may fail to
    // compile: each keeps its own column, at its field.
    assert_eq!(count("__r::set_default("), 2, "{text}");
    assert_eq!(count("__r::req::<Token>()"), 2, "{text}");
    assert_eq!(count("__r::req::<Secret<String>>()"), 1, "{text}");
    assert_eq!(count("__r::req::<Secret<Vec<u8>>>()"), 2, "{text}");
    assert_eq!(count("__r::req::<ServiceUrl<Postgres>>()"), 1, "{text}");
    assert!(
        text.contains("[0,1,0,2,1,3,4,5,6,7,7,8,9,10,11,11]"),
        "each field indexes its column: {text}"
    );
}
