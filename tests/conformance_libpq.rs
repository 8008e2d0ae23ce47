//! libpq's URI regression corpus (`tests/conformance/libpq_uri.tsv`, transcribed from
//! PostgreSQL's `001_uri.pl`, plus documented examples; see `tests/conformance/README.md`),
//! run against `PostgresUrl`.
//!
//! Each accepted URI is rendered as libpq_uri_regress prints it (`key='value'` for user,
//! password, dbname, host, hostaddr, port and the other parameters, then `(inet)` or
//! `(local)`) and compared as a set; a refused one must be refused. Deliberate differences
//! are listed in [`DIFFERENCES`] with the reason.

use std::collections::BTreeSet;

use resources::{Host, PostgresUrl};

const CORPUS: &str = include_str!("conformance/libpq_uri.tsv");

/// Deliberate differences: (uri, what libpq says, what we do, why).
pub const DIFFERENCES: &[(&str, &str, &str, &str)] = &[
    (
        "postgresql://[200z:db8::1234]/",
        "accepted: host `200z:db8::1234` (the connect fails later)",
        "refused: not an IPv6 address",
        "a bracketed host is an IPv6 literal; a malformed one is refused at load, not at the first connect",
    ),
    (
        "postgresql://host?sslmode=verify-full",
        "prints no sslmode: the corpus runs with PGSSLROOTCERT=system, where verify-full is the default",
        "sslmode `verify-full`, as written",
        "an artefact of the test's environment, not of the URI: we do not read the environment's defaults",
    ),
];

/// What libpq_uri_regress prints for `url`, as a set of `key='value'` and `(inet)`/`(local)`.
fn render(url: &PostgresUrl) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut put = |k: &str, v: &str| {
        out.insert(format!("{k}='{v}'"));
    };
    if let Some(user) = url.user() {
        put("user", user);
    }
    if let Some(p) = url.password().map(|p| p.expose()).filter(|p| !p.is_empty()) {
        put("password", p);
    }
    if let Some(db) = url.database() {
        put("dbname", &db);
    }
    let hosts: Vec<String> = url.hosts().iter().map(|e| e.host().to_string()).collect();
    if !hosts.is_empty() {
        put("host", &hosts.join(","));
    }
    let ports: Vec<String> = if url.hosts().is_empty() {
        url.port().map(|p| p.to_string()).into_iter().collect()
    } else {
        url.hosts()
            .iter()
            .map(|e| e.port().map_or(String::new(), |p| p.to_string()))
            .collect()
    };
    if ports.iter().any(|p| !p.is_empty()) {
        put("port", &ports.join(","));
    }
    for name in url.param_names() {
        if !matches!(name, "user" | "password" | "dbname" | "host" | "port")
            && let Some(v) = url.param(name)
        {
            put(name, v);
        }
    }
    let local = url.param("hostaddr").is_none()
        && url
            .hosts()
            .iter()
            .all(|e| matches!(e.host(), Host::Unix(_)));
    out.insert(if local { "(local)" } else { "(inet)" }.to_owned());
    out
}

/// libpq's line as a set; a single port with several hosts applies to each.
fn expected(line: &str, hosts: usize) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    let mut rest = line;
    while let Some(eq) = rest.find("='") {
        let key = rest[..eq].trim();
        let after = &rest[eq + 2..];
        let end = after.find('\'').expect("closing quote");
        let mut value = after[..end].to_owned();
        if key == "port" && hosts > 1 && !value.contains(',') {
            value = vec![value; hosts].join(",");
        }
        set.insert(format!("{key}='{value}'"));
        rest = &after[end + 1..];
    }
    set.insert(rest.trim().to_owned());
    set
}

#[test]
fn libpq_uri_corpus() {
    let (mut cases, mut agreed, mut differ) = (0, 0, 0);
    let mut failures = Vec::new();
    for line in CORPUS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [source, uri, want] = cols[..] else {
            panic!("malformed corpus line: {line}");
        };
        cases += 1;
        let parsed = uri.parse::<PostgresUrl>();
        let verdict = match (&parsed, want.strip_prefix("ERROR: ")) {
            (Err(_), Some(_)) => Ok(()),
            (Ok(url), Some(why)) => Err(format!("accepted as {url}; libpq: {why}")),
            (Err(e), None) => Err(format!("refused ({e}); libpq: {want}")),
            (Ok(url), None) => {
                let ours = render(url);
                let theirs = expected(want, url.hosts().len());
                if ours == theirs {
                    Ok(())
                } else {
                    Err(format!("read as {ours:?}; libpq: {theirs:?}"))
                }
            }
        };
        match (DIFFERENCES.iter().any(|d| d.0 == uri), verdict) {
            (true, Err(_)) => differ += 1,
            (true, Ok(())) => failures.push(format!("{uri}: listed as a difference, but agrees")),
            (false, Ok(())) => agreed += 1,
            (false, Err(why)) => failures.push(format!("{source} {uri}: {why}")),
        }
    }
    eprintln!("libpq URI corpus: {cases} cases, {agreed} agreed, {differ} deliberate differences");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(agreed + differ, cases);
    assert!(cases >= 60, "the corpus was cut: {cases} cases");
}

/// The password of a refused URI is never in the error.
#[test]
fn libpq_refusals_do_not_quote_the_password() {
    for uri in [
        "postgres://u:zq9%00xw@host/db",
        "postgres://u:zq9%zzxw@host/db",
    ] {
        let e = uri.parse::<PostgresUrl>().expect_err(uri);
        assert!(!format!("{e} {e:?}").contains("zq9"), "{e:?}");
        assert!(!format!("{e} {e:?}").contains("xw"), "{e:?}");
    }
}
