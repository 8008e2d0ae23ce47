//! Durations as operators write them: `30s`, `1m30s`, `250ms`, `2h`, `1d`.

use std::time::Duration;

/// The units, longest suffix first so `ms` is not read as `m`.
const UNITS: &[(&str, u64)] = &[
    ("ns", 1),
    ("us", 1_000),
    ("µs", 1_000),
    ("ms", 1_000_000),
    ("s", 1_000_000_000),
    ("m", 60_000_000_000),
    ("h", 3_600_000_000_000),
    ("d", 86_400_000_000_000),
];

/// Parses `30s`, `1m30s`, `250ms`, `1h 30m`, `0` (whole numbers, each with a unit of `ns`,
/// `us`, `ms`, `s`, `m`, `h`, `d`).
///
/// ```
/// use std::time::Duration;
/// use resources_core::parse_duration;
///
/// assert_eq!(parse_duration("1m30s"), Ok(Duration::from_secs(90)));
/// assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
/// assert!(parse_duration("30").is_err());
/// ```
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    const HINT: &str =
        "expected a duration such as 30s, 1m30s or 250ms (units ns, us, ms, s, m, h, d)";
    let text = text.trim();
    if text == "0" {
        return Ok(Duration::ZERO);
    }
    if text.is_empty() {
        return Err(HINT.to_owned());
    }
    let mut total: u128 = 0;
    let mut rest = text;
    while !rest.is_empty() {
        rest = rest.trim_start();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 20 {
            return Err(HINT.to_owned());
        }
        let (number, after) = rest.split_at(digits);
        let number: u128 = number.parse().map_err(|_| HINT.to_owned())?;
        let unit_len = after
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(after.len(), |(i, _)| i);
        let (unit, after) = after.split_at(unit_len);
        let Some((_, nanos)) = UNITS.iter().find(|(u, _)| *u == unit) else {
            return Err(HINT.to_owned());
        };
        total = total.saturating_add(number.saturating_mul(u128::from(*nanos)));
        rest = after;
    }
    let secs =
        u64::try_from(total / 1_000_000_000).map_err(|_| "the duration is too long".to_owned())?;
    // The remainder is below 10^9, so it fits a u32.
    let nanos = (total % 1_000_000_000) as u32;
    Ok(Duration::new(secs, nanos))
}

/// Writes a duration the way [`parse_duration`] reads it (`1m30s`, `250ms`, `0s`).
///
/// ```
/// use std::time::Duration;
/// use resources_core::format_duration;
///
/// assert_eq!(format_duration(Duration::from_secs(90)), "1m30s");
/// assert_eq!(format_duration(Duration::from_millis(1500)), "1s500ms");
/// ```
pub fn format_duration(d: Duration) -> String {
    let mut nanos = d.as_nanos();
    if nanos == 0 {
        return "0s".to_owned();
    }
    let mut out = String::new();
    for (unit, size) in [
        ("d", 86_400_000_000_000u128),
        ("h", 3_600_000_000_000),
        ("m", 60_000_000_000),
        ("s", 1_000_000_000),
        ("ms", 1_000_000),
        ("us", 1_000),
        ("ns", 1),
    ] {
        if nanos >= size {
            out.push_str(&format!("{}{unit}", nanos / size));
            nanos %= size;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for text in ["1m30s", "250ms", "2h", "1d2h3m4s5ms6us7ns", "0s"] {
            let d = parse_duration(text).unwrap_or_default();
            assert_eq!(format_duration(d), text);
        }
        assert_eq!(parse_duration("1h 30m"), Ok(Duration::from_secs(5400)));
    }

    #[test]
    fn refuses_what_is_not_a_duration() {
        for text in [
            "",
            "30",
            "s",
            "1x",
            "-1s",
            "1.5s",
            "99999999999999999999999s",
        ] {
            assert!(parse_duration(text).is_err(), "{text}");
        }
    }
}
