//! Load time of 200 locators: `Config::from_env()` (one snapshot of the environment, the
//! shared loading loop), and `Config::load(&snapshot)` from a snapshot taken beforehand,
//! against hand-written code reading the environment variable by variable (`std::env::var` +
//! parse per field).
//!
//! Run by `benches/compile-cost/run.py`, or `cargo bench --bench load`. The bench re-runs
//! itself with the 200 variables in its environment, so nothing sets process variables.

#![allow(non_snake_case)]

use std::hint::black_box;
use std::process::{Command, ExitCode};

use criterion::Criterion;
use resources::{LocatorError, PostgresUrl, RedisUrl, Resources};

/// Declares the config twice: derived, and hand-written.
macro_rules! config {
    ($($pg:ident $redis:ident)*) => {
        /// The derived config: `F0_URL`, `F1_URL`, …
        #[derive(Resources)]
        pub struct Config {
            $(
                /// A database.
                pub $pg: PostgresUrl,
                /// A cache.
                pub $redis: RedisUrl,
            )*
        }

        /// The hand-written config.
        pub struct Hand {
            $(
                /// A database.
                pub $pg: PostgresUrl,
                /// A cache.
                pub $redis: RedisUrl,
            )*
        }

        fn var<T: std::str::FromStr<Err = LocatorError>>(name: &str) -> Result<T, String> {
            let value = std::env::var(name).map_err(|e| format!("{name}: {e}"))?;
            value.parse().map_err(|e| format!("{name}: {e}"))
        }

        impl Hand {
            fn from_env() -> Result<Self, String> {
                Ok(Hand {
                    $(
                        $pg: var(concat!(stringify!($pg), "_URL"))?,
                        $redis: var(concat!(stringify!($redis), "_URL"))?,
                    )*
                })
            }
        }

        /// The variables and values both read.
        fn variables() -> Vec<(String, String)> {
            let mut vars = Vec::new();
            $(
                vars.push((concat!(stringify!($pg), "_URL").to_owned(), format!("postgres://app:s3cret@{}.db.internal:5432/app", stringify!($pg))));
                vars.push((concat!(stringify!($redis), "_URL").to_owned(), format!("redis://:s3cret@{}.cache.internal:6379/1", stringify!($redis))));
            )*
            vars
        }
    };
}

config!(
    F0 F1 F2 F3 F4 F5 F6 F7 F8 F9
    F10 F11 F12 F13 F14 F15 F16 F17 F18 F19
    F20 F21 F22 F23 F24 F25 F26 F27 F28 F29
    F30 F31 F32 F33 F34 F35 F36 F37 F38 F39
    F40 F41 F42 F43 F44 F45 F46 F47 F48 F49
    F50 F51 F52 F53 F54 F55 F56 F57 F58 F59
    F60 F61 F62 F63 F64 F65 F66 F67 F68 F69
    F70 F71 F72 F73 F74 F75 F76 F77 F78 F79
    F80 F81 F82 F83 F84 F85 F86 F87 F88 F89
    F90 F91 F92 F93 F94 F95 F96 F97 F98 F99
    F100 F101 F102 F103 F104 F105 F106 F107 F108 F109
    F110 F111 F112 F113 F114 F115 F116 F117 F118 F119
    F120 F121 F122 F123 F124 F125 F126 F127 F128 F129
    F130 F131 F132 F133 F134 F135 F136 F137 F138 F139
    F140 F141 F142 F143 F144 F145 F146 F147 F148 F149
    F150 F151 F152 F153 F154 F155 F156 F157 F158 F159
    F160 F161 F162 F163 F164 F165 F166 F167 F168 F169
    F170 F171 F172 F173 F174 F175 F176 F177 F178 F179
    F180 F181 F182 F183 F184 F185 F186 F187 F188 F189
    F190 F191 F192 F193 F194 F195 F196 F197 F198 F199
);

const CHILD: &str = "RESOURCES_LOAD_BENCH_CHILD";

fn main() -> ExitCode {
    if std::env::var_os(CHILD).is_none() {
        // Re-run with the variables set for the child only.
        let status = Command::new(std::env::current_exe().expect("the bench binary has a path"))
            .args(std::env::args_os().skip(1))
            .envs(variables())
            .env(CHILD, "1")
            .status()
            .expect("the bench binary runs");
        return if status.success() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    assert!(
        Hand::from_env().is_ok() && Config::from_env().is_ok(),
        "both load"
    );
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("load_200");
    group.bench_function("handwritten_env_var", |b| {
        b.iter(|| black_box(Hand::from_env()))
    });
    group.bench_function("resources_from_env", |b| {
        b.iter(|| black_box(Config::from_env()))
    });
    // The load alone, from a snapshot taken once (as a program loading several structs does).
    let snapshot = resources::Env::snapshot();
    group.bench_function("resources_load_snapshot", |b| {
        b.iter(|| black_box(Config::load(&snapshot)))
    });
    group.finish();
    c.final_summary();
    ExitCode::SUCCESS
}
