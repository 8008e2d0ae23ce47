//! MongoDB's connection-string conformance suite (`tests/conformance/mongodb/*.json`, vendored
//! from mongodb/specifications; see `tests/conformance/README.md`), run against `MongoUrl`.
//!
//! Every case's verdict, hosts (type, host, port), auth (user, password, database) and the
//! scalar options it asserts are compared. A case where we deliberately differ is listed in
//! [`DIFFERENCES`] with the reason; the test checks that the difference is still real.

use resources::{Host, MongoUrl};
use serde_json::Value;

const SUITE: &[(&str, &str)] = &[
    (
        "invalid-uris",
        include_str!("conformance/mongodb/invalid-uris.json"),
    ),
    (
        "valid-auth",
        include_str!("conformance/mongodb/valid-auth.json"),
    ),
    (
        "valid-db-with-dotted-name",
        include_str!("conformance/mongodb/valid-db-with-dotted-name.json"),
    ),
    (
        "valid-host_identifiers",
        include_str!("conformance/mongodb/valid-host_identifiers.json"),
    ),
    (
        "valid-options",
        include_str!("conformance/mongodb/valid-options.json"),
    ),
    (
        "valid-unix_socket-absolute",
        include_str!("conformance/mongodb/valid-unix_socket-absolute.json"),
    ),
    (
        "valid-unix_socket-relative",
        include_str!("conformance/mongodb/valid-unix_socket-relative.json"),
    ),
    (
        "valid-warnings",
        include_str!("conformance/mongodb/valid-warnings.json"),
    ),
    (
        "uri-options/auth-options",
        include_str!("conformance/mongodb/uri-options/auth-options.json"),
    ),
    (
        "uri-options/client-backpressure-options",
        include_str!("conformance/mongodb/uri-options/client-backpressure-options.json"),
    ),
    (
        "uri-options/compression-options",
        include_str!("conformance/mongodb/uri-options/compression-options.json"),
    ),
    (
        "uri-options/concern-options",
        include_str!("conformance/mongodb/uri-options/concern-options.json"),
    ),
    (
        "uri-options/connection-options",
        include_str!("conformance/mongodb/uri-options/connection-options.json"),
    ),
    (
        "uri-options/connection-pool-options",
        include_str!("conformance/mongodb/uri-options/connection-pool-options.json"),
    ),
    (
        "uri-options/proxy-options",
        include_str!("conformance/mongodb/uri-options/proxy-options.json"),
    ),
    (
        "uri-options/read-preference-options",
        include_str!("conformance/mongodb/uri-options/read-preference-options.json"),
    ),
    (
        "uri-options/sdam-options",
        include_str!("conformance/mongodb/uri-options/sdam-options.json"),
    ),
    (
        "uri-options/single-threaded-options",
        include_str!("conformance/mongodb/uri-options/single-threaded-options.json"),
    ),
    (
        "uri-options/srv-options",
        include_str!("conformance/mongodb/uri-options/srv-options.json"),
    ),
    (
        "uri-options/tls-options",
        include_str!("conformance/mongodb/uri-options/tls-options.json"),
    ),
];

/// Deliberate differences: (uri, what the spec says, what we do, why).
pub const DIFFERENCES: &[(&str, &str, &str, &str)] = &[
    (
        "mongodb://alice:secret@example.com/admin?replicaset=my@replicaset",
        "valid: `replicaset` is `my@replicaset`",
        "refused: an `@` after the host",
        "redaction safety: an `@` after the host is what a password holding a raw `/` or `?` looks like; read naively, the rest of the password is printed as the path or query. Write `%40`",
    ),
    (
        "mongodb://%2Ftmp%2F %2Fmongodb-27017.sock",
        "valid: the socket `/tmp/ /mongodb-27017.sock`",
        "refused: an unencoded space outside the user info",
        "a raw space outside the user info is the usual sign of pasted text (RFC 3986 has no raw space); write `%20`",
    ),
    (
        "mongodb://rel%2F %2Fmongodb-27017.sock",
        "valid: the socket `rel/ /mongodb-27017.sock`",
        "refused: an unencoded space outside the user info",
        "as above: write `%20`",
    ),
];

fn host_matches(want: &Value, got: &resources::Endpoint) -> Result<(), String> {
    let ty = want["type"].as_str().unwrap_or_default();
    let host = want["host"].as_str().unwrap_or_default();
    let port = want["port"].as_u64();
    let ok_host = match (ty, got.host()) {
        ("ipv4", Host::Ipv4(ip)) => ip.to_string() == host,
        ("ip_literal", Host::Ipv6(ip)) => ip.to_string() == host,
        ("hostname", Host::Name(n)) => n == host,
        ("unix", Host::Unix(p)) => p.to_str() == Some(host),
        _ => false,
    };
    if !ok_host {
        return Err(format!("host: want {ty} {host}, got {:?}", got.host()));
    }
    if port != got.port().map(u64::from) {
        return Err(format!("port: want {port:?}, got {:?}", got.port()));
    }
    Ok(())
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Compares one valid case; `Err` says what differs.
fn compare(case: &Value, url: &MongoUrl) -> Result<(), String> {
    if let Some(hosts) = case["hosts"].as_array() {
        if hosts.len() != url.hosts().len() {
            return Err(format!("{} hosts, want {}", url.hosts().len(), hosts.len()));
        }
        for (want, got) in hosts.iter().zip(url.hosts()) {
            host_matches(want, got)?;
        }
    }
    if let Some(auth) = case["auth"].as_object() {
        let user = auth.get("username").and_then(Value::as_str);
        if user != url.username() {
            return Err(format!("username: want {user:?}"));
        }
        let password = auth.get("password").and_then(Value::as_str);
        if password != url.password().map(|p| p.expose()) {
            return Err("password differs".into());
        }
        let db = auth.get("db").and_then(Value::as_str);
        if db != url.database().as_deref() {
            return Err(format!("db: want {db:?}, got {:?}", url.database()));
        }
    }
    if let Some(options) = case["options"].as_object() {
        for (key, want) in options {
            let Some(want) = scalar(want) else { continue };
            let got = url
                .param_names()
                .filter(|n| n.eq_ignore_ascii_case(key))
                .last()
                .and_then(|n| url.param(n).or(url.secret_param(n).map(|p| p.expose())));
            if got.map(str::to_ascii_lowercase) != Some(want.to_ascii_lowercase()) {
                return Err(format!("option {key}: want {want}, got {got:?}"));
            }
        }
    }
    Ok(())
}

#[test]
fn mongodb_connection_string_suite() {
    let mut cases = 0;
    let mut agreed = 0;
    let mut differ = 0;
    let mut failures = Vec::new();
    for (file, text) in SUITE {
        let doc: Value = serde_json::from_str(text).expect("vendored JSON");
        for case in doc["tests"].as_array().expect("tests") {
            cases += 1;
            let uri = case["uri"].as_str().expect("uri");
            let valid = case["valid"].as_bool().expect("valid");
            let parsed = uri.parse::<MongoUrl>();
            let verdict = match (&parsed, valid) {
                (Ok(url), true) => compare(case, url),
                (Err(_), false) => Ok(()),
                (Ok(_), false) => Err("accepted, the spec refuses it".into()),
                (Err(e), true) => Err(format!("refused ({e}), the spec accepts it")),
            };
            match DIFFERENCES.iter().find(|d| d.0 == uri) {
                Some(_) if verdict.is_err() => differ += 1,
                Some(_) => {
                    failures.push(format!("{file}: {uri}: listed as a difference, but agrees"))
                }
                None => match verdict {
                    Ok(()) => agreed += 1,
                    Err(why) => failures.push(format!("{file}: {uri}: {why}")),
                },
            }
        }
    }
    eprintln!(
        "MongoDB connection-string suite: {cases} cases, {agreed} agreed, {differ} deliberate differences"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(agreed + differ, cases);
}
