// A crate's own `Duration` (as chrono's or time's would be) that is not a `Setting`, on two
// fields: each is reported, in one build.
use resources::Resources;

struct Duration;

#[derive(Resources)]
struct Timeouts {
    #[setting]
    connect_timeout: Duration,
    #[setting]
    read_timeout: Duration,
}

fn main() {}
