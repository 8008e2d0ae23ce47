//! [`Setting`] for the standard types.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use super::Setting;
use super::duration::{format_duration, parse_duration};
use crate::locator::LocatorFns;
use crate::locator::fns::compiled_here;

macro_rules! integers {
    ($($ty:ident: $accepts:literal),* $(,)?) => {$(
        impl Setting for $ty {
            const TYPE_NAME: &'static str = stringify!($ty);
            const ACCEPTS: &'static str = $accepts;
            const EXAMPLE: &'static str = "10";
            const SENSITIVE: bool = false;
            const FNS: &'static LocatorFns = compiled_here!(LocatorFns::setting::<$ty>());
            fn parse_setting(text: &str) -> Result<Self, String> {
                text.trim().parse().map_err(|_| format!("expected {}", Self::ACCEPTS))
            }
            fn to_config(&self) -> String {
                self.to_string()
            }
        }
    )*};
}

integers! {
    u8: "a whole number from 0 to 255",
    u16: "a whole number from 0 to 65535",
    u32: "a whole number from 0 to 4294967295",
    u64: "a whole number from 0 to 18446744073709551615",
    usize: "a whole number from 0 up",
    i8: "a whole number from -128 to 127",
    i16: "a whole number from -32768 to 32767",
    i32: "a whole number from -2147483648 to 2147483647",
    i64: "a whole number from -9223372036854775808 to 9223372036854775807",
    isize: "a whole number",
}

macro_rules! floats {
    ($($ty:ident),*) => {$(
        impl Setting for $ty {
            const TYPE_NAME: &'static str = stringify!($ty);
            const ACCEPTS: &'static str = "a number such as 0.5";
            const EXAMPLE: &'static str = "0.5";
            const SENSITIVE: bool = false;
            const FNS: &'static LocatorFns = compiled_here!(LocatorFns::setting::<$ty>());
            fn parse_setting(text: &str) -> Result<Self, String> {
                match text.trim().parse::<$ty>() {
                    Ok(v) if v.is_finite() => Ok(v),
                    _ => Err(format!("expected {}", Self::ACCEPTS)),
                }
            }
            fn to_config(&self) -> String {
                self.to_string()
            }
        }
    )*};
}

floats!(f32, f64);

impl Setting for bool {
    const TYPE_NAME: &'static str = "bool";
    const ACCEPTS: &'static str = "true or false (also 1/0, yes/no, on/off)";
    const EXAMPLE: &'static str = "true";
    const SENSITIVE: bool = false;
    const FNS: &'static LocatorFns = compiled_here!(LocatorFns::setting::<bool>());
    fn parse_setting(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Ok(true),
            "false" | "0" | "no" | "off" => Ok(false),
            _ => Err(format!("expected {}", Self::ACCEPTS)),
        }
    }
    fn to_config(&self) -> String {
        self.to_string()
    }
}

impl Setting for String {
    const TYPE_NAME: &'static str = "string";
    const ACCEPTS: &'static str = "any text";
    const EXAMPLE: &'static str = "text";
    const SENSITIVE: bool = true;
    const FNS: &'static LocatorFns = compiled_here!(LocatorFns::setting::<String>());
    fn parse_setting(text: &str) -> Result<Self, String> {
        Ok(text.to_owned())
    }
    fn to_config(&self) -> String {
        self.clone()
    }
}

impl Setting for PathBuf {
    const TYPE_NAME: &'static str = "path";
    const ACCEPTS: &'static str = "a file system path";
    const EXAMPLE: &'static str = "/var/lib/app";
    const SENSITIVE: bool = true;
    const FNS: &'static LocatorFns = compiled_here!(LocatorFns::setting::<PathBuf>());
    fn parse_setting(text: &str) -> Result<Self, String> {
        Ok(PathBuf::from(text))
    }
    fn to_config(&self) -> String {
        self.display().to_string()
    }
}

impl Setting for Duration {
    const TYPE_NAME: &'static str = "duration";
    const ACCEPTS: &'static str = "a duration such as 30s, 1m30s or 250ms";
    const EXAMPLE: &'static str = "30s";
    const SENSITIVE: bool = false;
    const FNS: &'static LocatorFns = compiled_here!(LocatorFns::setting::<Duration>());
    fn parse_setting(text: &str) -> Result<Self, String> {
        parse_duration(text)
    }
    fn to_config(&self) -> String {
        format_duration(*self)
    }
}

macro_rules! addresses {
    ($($ty:ident: $name:literal, $accepts:literal, $example:literal);* $(;)?) => {$(
        impl Setting for $ty {
            const TYPE_NAME: &'static str = $name;
            const ACCEPTS: &'static str = $accepts;
            const EXAMPLE: &'static str = $example;
            const SENSITIVE: bool = false;
            const FNS: &'static LocatorFns = compiled_here!(LocatorFns::setting::<$ty>());
            fn parse_setting(text: &str) -> Result<Self, String> {
                text.trim().parse().map_err(|_| format!("expected {}", Self::ACCEPTS))
            }
            fn to_config(&self) -> String {
                self.to_string()
            }
        }
    )*};
}

addresses! {
    IpAddr: "IP address", "an IPv4 or IPv6 address", "0.0.0.0";
    Ipv4Addr: "IPv4 address", "an IPv4 address such as 10.0.0.1", "0.0.0.0";
    Ipv6Addr: "IPv6 address", "an IPv6 address such as ::1", "::";
    SocketAddr: "socket address", "an address and port such as 0.0.0.0:8080 or [::]:8080", "0.0.0.0:8080";
}

/// A comma-separated list; each item trimmed; an empty value is the empty list.
impl<T: Setting> Setting for Vec<T> {
    const TYPE_NAME: &'static str = "list";
    const ACCEPTS: &'static str = "a comma-separated list";
    const EXAMPLE: &'static str = "a,b";
    const SENSITIVE: bool = T::SENSITIVE;
    fn parse_setting(text: &str) -> Result<Self, String> {
        if text.trim().is_empty() {
            return Ok(Vec::new());
        }
        text.split(',')
            .enumerate()
            .map(|(i, item)| {
                T::parse_setting(item.trim())
                    .map_err(|e| format!("item {} of the comma-separated list: {e}", i + 1))
            })
            .collect()
    }
    fn to_config(&self) -> String {
        self.iter().map(T::to_config).collect::<Vec<_>>().join(",")
    }
}
