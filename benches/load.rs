//! Load time of 200 locators, and of a mixed struct of 200 fields (100 locators, 50 `u16` and 50
//! `String` settings): `Config::from_env()` (one snapshot of the environment, the
//! shared loading loop), and `Config::load(&snapshot)` from a snapshot taken beforehand,
//! against hand-written code reading the environment variable by variable (`std::env::var` +
//! parse per field), and hand-written code that also honours `NAME_FILE` as the derive does
//! (`std::env::var` of `NAME` and of `NAME_FILE` per field: each lookup scans the environment).
//!
//! Run by `benches/compile-cost/run.py`, or `cargo bench --bench load`. The bench re-runs
//! itself with the 400 variables in its environment, so nothing sets process variables.
//!
//! `RESOURCES_LOAD_BENCH_ONLY=<group>/<function> RESOURCES_LOAD_BENCH_ITERATIONS=<n>` runs one
//! function `n` times without Criterion, for an instruction count under
//! `valgrind --tool=callgrind` (`benches/load-instructions.py`): a figure a busy machine does not
//! disturb.

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

        /// `name`, or the file named by `name_FILE`; both set is an error.
        fn var_or_file<T: std::str::FromStr<Err = LocatorError>>(name: &str) -> Result<T, String> {
            let file = std::env::var_os(format!("{name}_FILE"));
            let value = match (std::env::var(name), file) {
                (Ok(_), Some(_)) => return Err(format!("{name}: set it or {name}_FILE, not both")),
                (Ok(value), None) => value,
                (Err(_), Some(path)) => std::fs::read_to_string(path).map_err(|e| format!("{name}_FILE: {e}"))?,
                (Err(e), None) => return Err(format!("{name}: {e}")),
            };
            value.trim_end().parse().map_err(|e| format!("{name}: {e}"))
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

            fn from_env_with_files() -> Result<Self, String> {
                Ok(Hand {
                    $(
                        $pg: var_or_file(concat!(stringify!($pg), "_URL"))?,
                        $redis: var_or_file(concat!(stringify!($redis), "_URL"))?,
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

/// Declares the mixed config twice (half locators, a quarter `u16` settings, a quarter `String`
/// settings): derived, and hand-written.
macro_rules! mixed {
    ($($pg:ident $port:ident $redis:ident $name:ident)*) => {
        /// The derived mixed config.
        #[derive(Resources)]
        pub struct Mixed {
            $(
                /// A database.
                pub $pg: PostgresUrl,
                /// A port.
                #[setting]
                pub $port: u16,
                /// A cache.
                pub $redis: RedisUrl,
                /// A name.
                #[setting]
                pub $name: String,
            )*
        }

        /// The hand-written mixed config.
        pub struct HandMixed {
            $(
                /// A database.
                pub $pg: PostgresUrl,
                /// A port.
                pub $port: u16,
                /// A cache.
                pub $redis: RedisUrl,
                /// A name.
                pub $name: String,
            )*
        }

        fn any_var<T: std::str::FromStr>(name: &str) -> Result<T, String>
        where
            T::Err: std::fmt::Display,
        {
            let value = std::env::var(name).map_err(|e| format!("{name}: {e}"))?;
            value.parse().map_err(|e| format!("{name}: {e}"))
        }

        impl HandMixed {
            fn from_env() -> Result<Self, String> {
                Ok(HandMixed {
                    $(
                        $pg: any_var(concat!(stringify!($pg), "_URL"))?,
                        $port: any_var(stringify!($port))?,
                        $redis: any_var(concat!(stringify!($redis), "_URL"))?,
                        $name: any_var(stringify!($name))?,
                    )*
                })
            }
        }

        /// The variables and values both read.
        fn mixed_variables() -> Vec<(String, String)> {
            let mut vars = Vec::new();
            $(
                vars.push((concat!(stringify!($pg), "_URL").to_owned(), format!("postgres://app:s3cret@{}.db.internal:5432/app", stringify!($pg))));
                vars.push((stringify!($port).to_owned(), "8080".to_owned()));
                vars.push((concat!(stringify!($redis), "_URL").to_owned(), format!("redis://:s3cret@{}.cache.internal:6379/1", stringify!($redis))));
                vars.push((stringify!($name).to_owned(), format!("name-{}", stringify!($name))));
            )*
            vars
        }
    };
}

mixed!(
   M0 M1 M2 M3 M4 M5 M6 M7 M8 M9 M10 M11 M12 M13 M14 M15 M16 M17 M18 M19
    M20 M21 M22 M23 M24 M25 M26 M27 M28 M29 M30 M31 M32 M33 M34 M35 M36 M37 M38 M39
    M40 M41 M42 M43 M44 M45 M46 M47 M48 M49 M50 M51 M52 M53 M54 M55 M56 M57 M58 M59
    M60 M61 M62 M63 M64 M65 M66 M67 M68 M69 M70 M71 M72 M73 M74 M75 M76 M77 M78 M79
    M80 M81 M82 M83 M84 M85 M86 M87 M88 M89 M90 M91 M92 M93 M94 M95 M96 M97 M98 M99
    M100 M101 M102 M103 M104 M105 M106 M107 M108 M109 M110 M111 M112 M113 M114 M115 M116 M117 M118 M119
    M120 M121 M122 M123 M124 M125 M126 M127 M128 M129 M130 M131 M132 M133 M134 M135 M136 M137 M138 M139
    M140 M141 M142 M143 M144 M145 M146 M147 M148 M149 M150 M151 M152 M153 M154 M155 M156 M157 M158 M159
    M160 M161 M162 M163 M164 M165 M166 M167 M168 M169 M170 M171 M172 M173 M174 M175 M176 M177 M178 M179
    M180 M181 M182 M183 M184 M185 M186 M187 M188 M189 M190 M191 M192 M193 M194 M195 M196 M197 M198 M199
);

const CHILD: &str = "RESOURCES_LOAD_BENCH_CHILD";

fn main() -> ExitCode {
    if std::env::var_os(CHILD).is_none() {
        // Re-run with the variables set for the child only.
        let status = Command::new(std::env::current_exe().expect("the bench binary has a path"))
            .args(std::env::args_os().skip(1))
            .envs(variables())
            .envs(mixed_variables())
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
        Hand::from_env().is_ok()
            && Hand::from_env_with_files().is_ok()
            && Config::from_env().is_ok(),
        "all load"
    );
    if let Some(only) = std::env::var_os("RESOURCES_LOAD_BENCH_ONLY") {
        return fixed_iterations(&only.to_string_lossy());
    }
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("load_200");
    group.bench_function("handwritten_env_var", |b| {
        b.iter(|| black_box(Hand::from_env()))
    });
    group.bench_function("handwritten_env_var_and_file", |b| {
        b.iter(|| black_box(Hand::from_env_with_files()))
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
    assert!(
        HandMixed::from_env().is_ok() && Mixed::from_env().is_ok(),
        "both load"
    );
    let mut group = c.benchmark_group("load_mixed_200");
    group.bench_function("handwritten_env_var", |b| {
        b.iter(|| black_box(HandMixed::from_env()))
    });
    group.bench_function("resources_from_env", |b| {
        b.iter(|| black_box(Mixed::from_env()))
    });
    let snapshot = resources::Env::snapshot();
    group.bench_function("resources_load_snapshot", |b| {
        b.iter(|| black_box(Mixed::load(&snapshot)))
    });
    group.finish();
    c.final_summary();
    ExitCode::SUCCESS
}

/// One bench function: a load, and whether it succeeded.
type Run<'s> = Box<dyn Fn() -> bool + 's>;

/// Runs one bench function `RESOURCES_LOAD_BENCH_ITERATIONS` times (0 by default: the cost of
/// the process alone, subtracted by `benches/load-instructions.py`); `list` prints the
/// functions' names, one a line.
fn fixed_iterations(only: &str) -> ExitCode {
    let n: usize = std::env::var("RESOURCES_LOAD_BENCH_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let snapshot = resources::Env::snapshot();
    let functions: [(&str, Run<'_>); 7] = [
        (
            "load_200/handwritten_env_var",
            Box::new(|| Hand::from_env().is_ok()),
        ),
        (
            "load_200/handwritten_env_var_and_file",
            Box::new(|| Hand::from_env_with_files().is_ok()),
        ),
        (
            "load_200/resources_from_env",
            Box::new(|| Config::from_env().is_ok()),
        ),
        (
            "load_200/resources_load_snapshot",
            Box::new(|| Config::load(&snapshot).is_ok()),
        ),
        (
            "load_mixed_200/handwritten_env_var",
            Box::new(|| HandMixed::from_env().is_ok()),
        ),
        (
            "load_mixed_200/resources_from_env",
            Box::new(|| Mixed::from_env().is_ok()),
        ),
        (
            "load_mixed_200/resources_load_snapshot",
            Box::new(|| Mixed::load(&snapshot).is_ok()),
        ),
    ];
    if only == "list" {
        for (name, _) in &functions {
            println!("{name}");
        }
        return ExitCode::SUCCESS;
    }
    let Some((_, run)) = functions.iter().find(|(name, _)| *name == only) else {
        eprintln!("no bench function {only}");
        return ExitCode::FAILURE;
    };
    for _ in 0..n {
        if !black_box(run()) {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
