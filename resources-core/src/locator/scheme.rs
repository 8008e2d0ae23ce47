//! The schemes a kind accepts, and the shape of what follows them.

/// How the part after `scheme:` is shaped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `scheme://userinfo@host:port,host:port/path?query` (RFC 3986 with host lists).
    Authority,
    /// `scheme:///path/to/socket?query`: the path is a unix socket, there is no host.
    UnixPath,
    /// `scheme:path?query` or `scheme://path?query`: a file path, no host (SQLite).
    Path,
}

/// One scheme a kind accepts, with its default port and shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scheme {
    /// Lowercase scheme name, without `:`.
    pub name: &'static str,
    /// Port applied by `port_or_default()` when none is written.
    pub default_port: Option<u16>,
    /// What follows the scheme.
    pub shape: Shape,
    /// Whether a port may be written (`mongodb+srv` forbids one).
    pub ports: bool,
    /// How many hosts this scheme allows at most (the kind may allow fewer).
    pub max_hosts: usize,
}

impl Scheme {
    /// A `scheme://host:port` scheme with a default port.
    pub const fn new(name: &'static str, default_port: u16) -> Self {
        Scheme {
            name,
            default_port: Some(default_port),
            shape: Shape::Authority,
            ports: true,
            max_hosts: usize::MAX,
        }
    }

    /// A scheme without a default port.
    pub const fn without_port(name: &'static str) -> Self {
        Scheme {
            name,
            default_port: None,
            shape: Shape::Authority,
            ports: true,
            max_hosts: usize::MAX,
        }
    }

    /// The same scheme with another shape.
    pub const fn shape(mut self, shape: Shape) -> Self {
        self.shape = shape;
        self
    }

    /// The same scheme, refusing a written port and allowing one host (DNS SRV lookups,
    /// `s3://bucket`).
    pub const fn single_host_no_port(mut self) -> Self {
        self.ports = false;
        self.max_hosts = 1;
        self
    }
}
