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
