//! `DotEnv` reads a `.env` file as dotenvy does: a corpus of forms and a generated campaign,
//! each text parsed by both, must give the same values, or an error from both.
//!
//! Both expand `${VAR}` from the process environment first (`DotEnv::parse_with` with an
//! `Env` snapshot; the test never changes the environment) and then from earlier lines.
//! dotenvy's iterator yields every line; a name set twice keeps its last value in `DotEnv`,
//! which is what is compared.

use std::cell::Cell;
use std::collections::HashMap;

use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRng, TestRunner};
use resources::{DotEnv, Env, Source, Value};

/// dotenvy's reading: the last value of each name, or `None` on an error.
fn dotenvy_values(text: &str) -> Option<HashMap<String, String>> {
    let pairs: Result<Vec<(String, String)>, _> =
        dotenvy::from_read_iter(text.as_bytes()).collect();
    Some(pairs.ok()?.into_iter().collect())
}

/// `DotEnv`'s reading of the same text, as the same map.
fn our_values(text: &str, env: &Env) -> Option<HashMap<String, String>> {
    let parsed = DotEnv::parse_with(".env", text, env).ok()?;
    let mut names = parsed.names_with_prefix("").unwrap_or_default();
    names.sort_unstable();
    Some(
        names
            .into_iter()
            .map(|name| match parsed.lookup(name).map(|f| f.value) {
                Some(Value::Text(t)) => (name.to_owned(), t.to_owned()),
                other => panic!("{name}: {other:?}"),
            })
            .collect(),
    )
}

/// Compares the two readings of `text`; the message says what differs.
fn compare(text: &str, env: &Env) -> Result<bool, String> {
    let theirs = dotenvy_values(text);
    let ours = our_values(text, env);
    if theirs == ours {
        Ok(ours.is_some())
    } else {
        Err(format!(
            "text {text:?}\n dotenvy: {theirs:?}\n DotEnv:  {ours:?}"
        ))
    }
}

/// Hand-written forms: dotenvy's own test cases, the quoting and escapes operators write, and
/// `$VAR`/`${VAR}` expansion.
const CORPUS: &[&str] = &[
    "KEY=1\nKEY2=\"2\"\nKEY3='3'\nKEY4='fo ur'\nKEY5=\"fi ve\"\nKEY6=s\\ ix\nKEY7=\nKEY8=     \nKEY9=   # foo\nKEY10  =\"whitespace before =\"\nKEY11=    \"whitespace after =\"\nexport=\"export as key\"\nexport   SHELL_LOVER=1\n",
    "# foo=bar\n#    ",
    "  invalid    \n",
    "very bacon = yes indeed\n",
    "=value",
    "KEY=my\\ cool\\ value\nKEY2=\\$sweet\nKEY3=\"awesome stuff \\\"mang\\\"\"\nKEY4='sweet $\\fgs'\\''fds'\nKEY5=\"'\\\"yay\\\\\"\\ \"stuff\"\nKEY6=\"lol\" #well you see when I say lol wh\nKEY7=\"line 1\\nline 2\"\n",
    "KEY=my uncool value\n",
    "KEY2=\"why\n",
    "KEY3='please stop''\n",
    "KEY4=h\\8u\n",
    // Quoted values over several lines keep their inner spaces and line ends.
    "MULTI=\"line one   \n   line two\"\n",
    "MULTI='one  \n two'\n",
    "CRLF=\"a\r\nb\"\r\nNEXT=c\r\n",
    // A backslash before a line end.
    "A=\"abc\\\ndef\"\n",
    "A=abc\\\nB=x\n",
    "A='abc\\\ndef'\n",
    // Comments.
    "A=b # comment \"with a quote\nB=c\n",
    "A=b#not-a-comment\n",
    "A=\"quoted\" # comment\n",
    "A='x'#y\n",
    "A= # nothing\n",
    // Joined parts.
    "A=a\"b c\"'d'e\n",
    "A=\"\"\nB=''\n",
    // Expansion.
    "DB_USER=app\nDB_HOST=db\nDATABASE_URL=postgres://${DB_USER}@${DB_HOST}/app\n",
    "KEY=test\nKEY1=\"${KEY}\"\n",
    "KEY=\">$KEY1<>${KEY2}<\"\n",
    "KEY=>\\$KEY1<>\\${KEY2}<\n",
    "KEY=\">\\$KEY1<>\\${KEY2}<\"\n",
    "KEY='>${KEY1}<>$KEY2<'\n",
    "KEY=VALUE\nKEY1=$KEY$KEY\n",
    "KEY=${KEY1}+KEY_VALUE\nKEY1=${KEY}+KEY1_VALUE\n",
    "KEY1=test_user\nKEY1_1=test_user_with_separator\nKEY=\">$KEY1_1<>$KEY1}<>$KEY1{<\"\n",
    "KEY1=test_user\nKEY2=$KEY1_2\nKEY=>${KEY1}<>${KEY2}<\n",
    "KEY2=$KEY1_2\nKEY=>${KEY1}<>${KEY2}<\n",
    "KEY=VALUE\nKEY1=>${KEY{<\n",
    "A=1\nA=$A$A\n",
    "A=x\nB=\"$A\"\n",
    "A=x\nB=$A c\n",
    "A=x\nB=${A\n",
    "A=p$\nB=$/x\nC=$$\n",
    "A=x\nB=${A}${A}'$A'\"$A-\"\n",
    // Passwords with `$` survive only quoted or escaped.
    "SINGLE='amqp://guest:gu$est#1@localhost/%2F'\nDOUBLE=\"smtp://mailer:p\\\"w\\$x@localhost:2525\"\n",
    // Names and `export`.
    "1BAD=x\n",
    ".Key=VALUE\n",
    "UNDERSCORE_1.X=ok\n_A=b\n",
    "export\n",
    "export A\n",
    "export A=b\n",
    "exportA=b\n",
    "<><><>",
    // The end of the file.
    "A=b",
    "A=b ",
    "A=b\\",
    "A='b",
    "A=\"b",
    "",
    "\n\n\n",
    "   \n\t\n",
    // Unicode.
    "A=ünï\u{a0}code\n",
    "A=\"tab\there\"\n",
    "É=x\n",
    "A=$é\n",
];

#[test]
fn the_corpus_reads_as_dotenvy_reads_it() {
    let env = Env::snapshot();
    let mut failures = Vec::new();
    let mut ok = 0;
    for text in CORPUS {
        match compare(text, &env) {
            Ok(true) => ok += 1,
            Ok(false) => {}
            Err(diff) => failures.push(diff),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The corpus exercises both outcomes.
    assert!(ok > 30 && ok < CORPUS.len(), "{ok} of {}", CORPUS.len());
}

#[test]
fn expansion_reads_the_given_environment_first() {
    let env = resources::MapSource::new([("DB_HOST", "from-env")]);
    let text = "DB_HOST=from-file\nURL=postgres://${DB_HOST}/app\nOTHER=$DB_HOST\n";
    let parsed = DotEnv::parse_with(".env", text, &env).unwrap();
    let value = |name| parsed.lookup(name).unwrap().value;
    assert_eq!(value("URL"), Value::Text("postgres://from-env/app"));
    assert_eq!(value("DB_HOST"), Value::Text("from-file"));
    // Without an environment, from earlier lines only.
    let parsed = DotEnv::parse(".env", text).unwrap();
    assert_eq!(
        parsed.lookup("URL").unwrap().value,
        Value::Text("postgres://from-file/app")
    );
}

/// Fragments the generated files are made of: every character dotenvy's reading depends on.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "A", "B", "K1", "x", "é", "_", ".", "0", "=", "=", "=", " ", " ", "\t", "\u{a0}", "\"",
        "\"", "'", "'", "\\", "\\", "$", "$", "{", "}", "#", "\n", "\n", "\n", "\r\n", "\r",
        "export ", "n", "A=", "B=", "${A}", "$B", "\\$", "\\n", "\\ ", " #",
    ])
}

/// A generated file: mostly assignments, so the values (not only the errors) are compared.
fn dotenv_text() -> impl Strategy<Value = String> {
    let line = (
        prop::sample::select(vec!["A", "B", "K1", "export A", "x.y", "_A"]),
        prop::sample::select(vec!["=", " = ", "="]),
        prop::collection::vec(fragment(), 0..8),
    )
        .prop_map(|(key, eq, value)| format!("{key}{eq}{}\n", value.concat()));
    let noise = prop::collection::vec(fragment(), 0..12).prop_map(|f| f.concat());
    prop::collection::vec(prop_oneof![4 => line, 1 => noise], 0..8).prop_map(|l| l.concat())
}

const BUDGET: u32 = 10_000;

#[test]
fn generated_files_read_as_dotenvy_reads_them() {
    let env = Env::snapshot();
    let config = ProptestConfig {
        cases: BUDGET,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    // A fixed seed: the same files on every run.
    let rng = TestRng::deterministic_rng(config.rng_algorithm);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let cases = Cell::new(0usize);
    let valued = Cell::new(0usize);
    let result = runner.run(&dotenv_text(), |text| {
        cases.set(cases.get() + 1);
        match compare(&text, &env) {
            Ok(true) => valued.set(valued.get() + 1),
            Ok(false) => {}
            Err(diff) => return Err(TestCaseError::fail(diff)),
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    eprintln!(
        "dotenv differential: {} generated files, {} read without error by both",
        cases.get(),
        valued.get()
    );
    assert!(cases.get() >= BUDGET as usize);
    // Most generated files are errors; enough must read to compare values.
    assert!(valued.get() >= BUDGET as usize / 20, "{}", valued.get());
}
