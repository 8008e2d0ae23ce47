//! `PemKey`: a PEM private key (several lines) loaded as a secret.

use std::path::PathBuf;

use proptest::prelude::*;
use resources::{
    DotEnv, ErrorKind, Loader, Locator, LocatorError, MapSource, PemKey, Resources, SecretsDir, doc,
};

// resources-audit: allow(test keys made of random base64, no real key)
const BODY: [&str; 3] = [
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj",
    "MZEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu",
    "NMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s+CLOyS56YyCFGeJZ",
];
const CERT_BODY: &str = "MIIBszCCAVmgAwIBAgIUQ2lhbmRlcmluZzAKBggqhkjOPQQDAjAAMB4XDTI0MDEw";

fn key(label: &str, body: &[&str], newline: &str) -> String {
    let mut out = format!("-----BEGIN {label}-----{newline}");
    for line in body {
        out.push_str(line);
        out.push_str(newline);
    }
    out.push_str(&format!("-----END {label}-----"));
    out
}

fn ok(s: &str) -> PemKey {
    s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

fn err(s: &str) -> LocatorError {
    match s.parse::<PemKey>() {
        Ok(k) => panic!("{s:?} parsed as {k:?}"),
        Err(e) => e,
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("kind-pem-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Whether `out` holds any ten characters in a row of a body line.
fn holds_body(out: &str, body: &[&str]) -> bool {
    body.iter().any(|line| {
        line.as_bytes()
            .windows(10)
            .any(|w| out.contains(std::str::from_utf8(w).unwrap()))
    })
}

#[test]
fn accepts_a_key_with_either_newline_and_trims_one() {
    let lf = key("PRIVATE KEY", &BODY, "\n");
    let k = ok(&format!("{lf}\n"));
    assert_eq!(k.expose(), lf);
    assert_eq!((k.label(), k.line_count()), ("PRIVATE KEY", 5));
    assert_eq!(k.to_string(), "*** PRIVATE KEY, 5 lines");
    assert_eq!(format!("{k:?}"), "PemKey(*** PRIVATE KEY, 5 lines)");
    assert_eq!(format!("{k:#?}"), "PemKey(*** PRIVATE KEY, 5 lines)");

    let crlf = key("RSA PRIVATE KEY", &BODY, "\r\n");
    let k = ok(&format!("{crlf}\r\n"));
    assert_eq!(k.expose(), crlf);
    assert_eq!(k.to_string(), "*** RSA PRIVATE KEY, 5 lines");
    assert_eq!(ok(&lf), ok(&format!("{lf}\n")));
}

#[test]
fn accepts_several_blocks_and_legacy_headers() {
    let cert = key("CERTIFICATE", &[CERT_BODY, "QUJD"], "\n");
    let chain = format!(
        "{}\n{cert}\n\n{cert}",
        key("EC PRIVATE KEY", &BODY[..1], "\n")
    );
    let k = ok(&chain);
    assert_eq!(
        k.labels().collect::<Vec<_>>(),
        ["EC PRIVATE KEY", "CERTIFICATE", "CERTIFICATE"]
    );
    assert_eq!(k.label(), "EC PRIVATE KEY");
    assert_eq!(
        k.to_string(),
        "*** EC PRIVATE KEY + CERTIFICATE ×2, 12 lines"
    );

    let encrypted = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,0A1B2C3D4E5F60718293A4B5C6D7E8F9\n\nQUJDRA==\n-----END RSA PRIVATE KEY-----";
    assert_eq!(ok(encrypted).line_count(), 6);
    assert_eq!(
        ok("-----BEGIN PRIVATE KEY-----\nQUI=\n-----END PRIVATE KEY-----").line_count(),
        3
    );
}

#[test]
fn refuses_anything_else_without_quoting_it() {
    let good = key("PRIVATE KEY", &BODY, "\n");
    let one_line = good.replace('\n', " ");
    let escaped = good.replace('\n', "\\n");
    let cases: Vec<(String, &str)> = vec![
        (format!("Bag Attributes\n{good}"), "expected a `-----BEGIN"),
        (
            format!("{good}\ntrailing {}", BODY[0]),
            "after block 1: text outside",
        ),
        (
            good.replace("-----END PRIVATE KEY", "-----END RSA PRIVATE KEY"),
            "block 1 (PRIVATE KEY): the END line's label",
        ),
        (
            good.replace("\n-----END PRIVATE KEY-----", ""),
            "no `-----END",
        ),
        (
            "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----".to_owned(),
            "no base64 body",
        ),
        (
            good.replace(&BODY[1][..12], &format!("{} ", &BODY[1][..11])),
            "not base64",
        ),
        (
            good.replace(&BODY[1][..12], &format!("{}\"", &BODY[1][..11])),
            "not base64",
        ),
        (good.replace(BODY[2], &BODY[2][..63]), "cut short"),
        (
            good.replace(BODY[1], &format!("{}==", &BODY[1][..62])),
            "after the `=` padding",
        ),
        (
            good.replace(&format!("{}\n", BODY[1]), &format!("{}\n\n", BODY[1])),
            "a blank line inside",
        ),
        (
            good.replace("PRIVATE KEY", "private key"),
            "uppercase words",
        ),
        (one_line.clone(), "the BEGIN line runs on"),
        (escaped, "`\\n` escapes"),
        (format!("{good}\n\n"), "whitespace"),
        (format!("\n{good}"), "whitespace"),
        (
            format!(
                "{good}\n{}",
                key("CERTIFICATE", &[CERT_BODY], "\n").replace("-----END", "-----BEGIN")
            ),
            "block 2 (CERTIFICATE): a BEGIN or END line inside",
        ),
        (BODY.join("\n"), "expected a `-----BEGIN"),
    ];
    for (input, expected) in &cases {
        let e = err(input);
        let shown = format!("{e} | {e:?}");
        assert_eq!(e.kind_name(), "PEM key");
        assert_eq!(e.position(), None, "{shown}");
        assert!(shown.contains(expected), "{expected:?} not in {shown}");
        assert!(!holds_body(&shown, &BODY), "{shown}");
        assert!(!shown.contains(CERT_BODY), "{shown}");
    }
    assert_eq!(err("").kind(), &ErrorKind::Empty);
    assert_eq!(err("\n").kind(), &ErrorKind::Empty);
    assert_eq!(err(&format!(" {good}")).kind(), &ErrorKind::Whitespace);
}

#[test]
fn secret_string_refuses_what_pem_key_accepts() {
    let pem = key("PRIVATE KEY", &BODY, "\n");
    assert_eq!(
        resources::Secret::<String>::parse_locator(&pem)
            .unwrap_err()
            .kind(),
        &ErrorKind::ControlCharacter
    );
    assert!(PemKey::parse_locator(&pem).is_ok());
}

#[test]
fn info() {
    let info = PemKey::info();
    assert_eq!(info.kind, "PEM key");
    assert!(info.credentials && info.schemes.is_empty() && info.kinds.is_empty());
    assert_eq!(info.default_port(), None);
    assert_eq!(ok(info.example).label(), "PRIVATE KEY");
}

/// A service that signs its tokens.
#[derive(Debug, Resources)]
struct Signer {
    /// Signing key.
    signing_key: PemKey,
    /// Client certificate and key for mTLS.
    client_tls: Option<PemKey>,
}

#[test]
fn derive_loads_it_from_a_map_and_documents_it_redacted() {
    let pem = key("PRIVATE KEY", &BODY, "\n");
    let source = MapSource::new([("SIGNING_KEY", pem.as_str())]);
    let s = Signer::load(&source).unwrap();
    assert_eq!(s.signing_key.expose(), pem);
    assert_eq!(
        format!("{s:?}"),
        "Signer { signing_key: PemKey(*** PRIVATE KEY, 5 lines), client_tls: None }"
    );
    let json: serde_json::Value = serde_json::from_str(&doc::json(Signer::manifest())).unwrap();
    let var = &json["variables"][0];
    assert_eq!(var["name"], "SIGNING_KEY");
    assert_eq!(var["kind"], "PEM key");
    assert_eq!(var["example"], "*** PRIVATE KEY, 3 lines");
    assert_eq!(var["credentials"], true);
    assert_eq!(var["default_port"], serde_json::Value::Null);
}

#[test]
fn loads_through_a_file_variable_and_a_secrets_dir() {
    let dir = scratch("file");
    let pem = key("PRIVATE KEY", &BODY, "\n");
    let path = dir.join("signing.pem");
    std::fs::write(&path, format!("{pem}\n")).unwrap();
    let source = MapSource::new([("SIGNING_KEY_FILE", path.display().to_string())]);
    let s = Signer::load(&source).unwrap();
    assert_eq!(s.signing_key.expose(), pem);

    let secrets = scratch("secrets");
    std::fs::write(secrets.join("SIGNING_KEY"), format!("{pem}\r\n")).unwrap();
    let crlf = key("CERTIFICATE", &[CERT_BODY], "\r\n");
    std::fs::write(secrets.join("CLIENT_TLS"), format!("{crlf}\r\n")).unwrap();
    let s = Signer::load(&SecretsDir::open(&secrets).unwrap()).unwrap();
    assert_eq!(s.signing_key.expose(), pem);
    assert_eq!(s.client_tls.unwrap().expose(), crlf);
}

#[test]
fn loads_from_a_multi_line_dotenv_value() {
    let pem = key("PRIVATE KEY", &BODY, "\n");
    let escaped = key("CERTIFICATE", &[CERT_BODY], "\\n");
    let text = format!("# keys\nSIGNING_KEY=\"{pem}\n\"\nCLIENT_TLS=\"{escaped}\"\n");
    let env = DotEnv::parse(".env", &text).unwrap();
    let s = Signer::load(&env).unwrap();
    assert_eq!(s.signing_key.expose(), pem);
    assert_eq!(
        s.client_tls.unwrap().expose(),
        key("CERTIFICATE", &[CERT_BODY], "\n")
    );
}

#[test]
fn a_bad_key_is_a_problem_naming_the_variable_not_the_key() {
    let bad = key("PRIVATE KEY", &BODY, "\n").replace(BODY[2], &BODY[2][..61]);
    let source = MapSource::new([("SIGNING_KEY", bad.as_str())]).named("test config");
    let e = Signer::load(&source).unwrap_err();
    let shown = e.to_string();
    assert!(!holds_body(&shown, &BODY) && !holds_body(&format!("{e:?}"), &BODY));
    assert!(
        shown.contains("SIGNING_KEY (field `signing_key`, PEM key) from test config: invalid PEM key locator: block 1 (PRIVATE KEY): the base64 body is cut short"),
        "{shown}"
    );
}

#[cfg(feature = "serde")]
#[test]
fn deserializes_without_echoing() {
    #[derive(serde::Deserialize)]
    struct Config {
        key: PemKey,
    }
    let pem = key("PRIVATE KEY", &BODY, "\n");
    let json = serde_json::json!({ "key": pem }).to_string();
    let c: Config = serde_json::from_str(&json).unwrap();
    assert_eq!(c.key.expose(), pem);
    let json = serde_json::json!({ "key": pem.replace(BODY[1], &BODY[1][..63]) }).to_string();
    let e = serde_json::from_str::<Config>(&json).err().unwrap();
    assert!(e.to_string().contains("cut short"), "{e}");
    assert!(!holds_body(&e.to_string(), &BODY), "{e}");
}

/// `Display` and `Debug` of the key or of its error, and of the load error of a derive struct.
fn outputs(input: &str) -> Vec<String> {
    let mut out = match PemKey::parse_locator(input) {
        Ok(v) => vec![v.to_string(), format!("{v:?}"), format!("{v:#?}")],
        Err(e) => vec![e.to_string(), format!("{e:?}")],
    };
    let source = MapSource::new([("SIGNING_KEY", input)]);
    let mut loader = Loader::new(&source);
    let _slot = loader.required::<PemKey>("SIGNING_KEY");
    if let Err(e) = loader.finish() {
        out.push(e.to_string());
        out.push(format!("{e:?}"));
    }
    if let Err(e) = Signer::load(&source) {
        out.push(e.to_string());
        out.push(format!("{e:?}"));
    }
    out
}

fn body_lines() -> impl Strategy<Value = Vec<String>> {
    // Lines of 12 to 64 base64 characters, a multiple of 4 each: a valid body.
    prop::collection::vec("([A-Za-z0-9+/]{4}){3,16}", 1..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_output_holds_the_body(
        body in body_lines(),
        at in any::<prop::sample::Index>(),
        junk in "[ \"'\\\\!#$%&*,.:;<>?@^`{|}~\t\u{0}é-]",
        crlf in any::<bool>(),
    ) {
        let lines: Vec<&str> = body.iter().map(String::as_str).collect();
        let nl = if crlf { "\r\n" } else { "\n" };
        let good = key("PRIVATE KEY", &lines, nl);
        prop_assert!(PemKey::parse(&good).is_ok(), "{good:?}");
        let text_start = good.find(nl).unwrap() + nl.len();
        let text_end = good.rfind(nl).unwrap();
        // A character of junk somewhere inside the body.
        let mut cut = text_start + at.index(text_end - text_start);
        while !good.is_char_boundary(cut) { cut += 1; }
        let with_junk = format!("{}{junk}{}", &good[..cut], &good[cut..]);
        let inputs = [
            good.clone(),
            format!("{good}{nl}"),
            with_junk,
            good.replace("-----END PRIVATE KEY-----", ""),
            good.replace("-----END PRIVATE KEY-----", "-----END PUBLIC KEY-----"),
            format!("{good}{nl}{}", lines[0]),
            format!("{}{nl}{good}", lines[0]),
            good.replace(nl, " "),
            good.replace(nl, "\\n"),
            format!("{}=", &good[..text_end]),
            lines.join(nl),
        ];
        for input in &inputs {
            for out in outputs(input) {
                prop_assert!(!holds_body(&out, &lines), "{input:?}: {out}");
            }
        }
    }
}
