//! Hosts and endpoints as a client sees them: decoded and typed.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};

/// A host as the client will see it: decoded and typed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Host {
    /// A DNS name (decoded, as written).
    Name(String),
    /// An IPv4 address.
    Ipv4(Ipv4Addr),
    /// An IPv6 address (written in brackets, held without them).
    Ipv6(Ipv6Addr),
    /// A unix socket path or directory (percent-encoded in the URL, or from `?host=`).
    Unix(PathBuf),
}

impl Host {
    /// The unix socket path, if this is one.
    pub fn unix_path(&self) -> Option<&Path> {
        match self {
            Host::Unix(p) => Some(p),
            _ => None,
        }
    }
}

impl Host {
    /// The host as a DNS client sends it: a name lowercased, with every label that is not
    /// ASCII in punycode (`bücher.example` → `xn--bcher-kva.example`, as browsers and the
    /// `url` crate write it); addresses and paths as [`Display`](fmt::Display) writes them.
    ///
    /// Names are lowercased but not otherwise normalised (no NFC, no UTS #46 mapping beyond
    /// case): a name written in a decomposed form keeps it.
    pub fn to_ascii(&self) -> String {
        match self {
            Host::Name(n) if n.is_ascii() => n.to_ascii_lowercase(),
            Host::Name(n) => n
                .split('.')
                .map(|label| {
                    let label = label.to_lowercase();
                    if label.is_ascii() {
                        label
                    } else {
                        format!("xn--{}", punycode(&label))
                    }
                })
                .collect::<Vec<_>>()
                .join("."),
            other => other.to_string(),
        }
    }
}

/// RFC 3492's encoding of one label (without the `xn--` prefix).
fn punycode(label: &str) -> String {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    fn digit(d: u32) -> char {
        // 0..=25 are a..=z, 26..=35 are 0..=9.
        char::from(if d < 26 {
            b'a' + d as u8
        } else {
            b'0' + (d - 26) as u8
        })
    }
    fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
        delta /= if first { DAMP } else { 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
    }
    let chars: Vec<u32> = label.chars().map(u32::from).collect();
    let mut out: String = label.chars().filter(char::is_ascii).collect();
    let basic = out.len() as u32;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias, mut handled) = (0x80u32, 0u32, 72u32, basic);
    while (handled as usize) < chars.len() {
        let Some(&m) = chars.iter().filter(|&&c| c >= n).min() else {
            break;
        };
        // A host name is far shorter than what would overflow (checked anyway).
        delta = delta.saturating_add((m - n).saturating_mul(handled + 1));
        n = m;
        for &c in &chars {
            if c < n {
                delta = delta.saturating_add(1);
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.saturating_add(1);
        n += 1;
    }
    out
}

impl fmt::Display for Host {
    /// Names as written, IPs in their canonical form (IPv6 without brackets), paths as paths.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Name(n) => f.write_str(n),
            Host::Ipv4(ip) => write!(f, "{ip}"),
            Host::Ipv6(ip) => write!(f, "{ip}"),
            Host::Unix(p) => write!(f, "{}", p.display()),
        }
    }
}

/// One host with the port written after it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Endpoint {
    host: Host,
    port: Option<u16>,
}

impl Endpoint {
    /// A host and an optional port.
    pub fn new(host: Host, port: Option<u16>) -> Self {
        Endpoint { host, port }
    }

    /// The host.
    pub fn host(&self) -> &Host {
        &self.host
    }

    /// The port as written, if any.
    pub fn port(&self) -> Option<u16> {
        self.port
    }
}

impl fmt::Display for Endpoint {
    /// `host:port`, with IPv6 in brackets, as a client's `host:port` argument expects.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.host {
            Host::Ipv6(ip) => write!(f, "[{ip}]")?,
            host => write!(f, "{host}")?,
        }
        if let Some(port) = self.port {
            write!(f, ":{port}")?;
        }
        Ok(())
    }
}
