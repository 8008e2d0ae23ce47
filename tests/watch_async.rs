//! The async watch: awaited events on no runtime at all (a ten-line executor), so it forces
//! none on its user.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use resources::watch::{AsyncWatch, Event, WatchSources};
use resources::{PostgresUrl, Resources};

#[derive(Resources, Debug)]
struct App {
    /// Primary database.
    #[resource(env = "DATABASE_URL")]
    db: PostgresUrl,
}

const MARK: &str = "Zq9";

struct Unpark(std::thread::Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Polls `future` on this thread until it is ready or `timeout` passes.
fn block_on<F: Future>(future: F, timeout: Duration) -> Option<F::Output> {
    let deadline = Instant::now() + timeout;
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return Some(out);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return None;
        }
        std::thread::park_timeout(left);
    }
}

#[test]
fn a_change_is_awaited_and_the_shared_value_follows() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("watch-async-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("DATABASE_URL"),
        format!("postgres://app:pw{MARK}@db-a/app"),
    )
    .unwrap();
    let mut watch = AsyncWatch::<App>::start(WatchSources::new().secrets_dir(&dir)).unwrap();
    let before = watch.current();

    std::fs::write(
        dir.join("DATABASE_URL"),
        format!("postgres://app:pw{MARK}@db-b/app"),
    )
    .unwrap();
    let event = block_on(watch.next_event(), Duration::from_secs(20)).expect("an event");
    let text = format!("{event} {event:?}");
    assert!(!text.contains(MARK), "{text}");
    let Event::Changed(changes) = event else {
        panic!("expected a change: {text}");
    };
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].new, "postgres://app:***@db-b/app");
    // The old handle is still the old value; the watch's is the new one.
    assert_eq!(before.db.to_string(), "postgres://app:***@db-a/app");
    assert_eq!(
        watch.current().db.to_string(),
        "postgres://app:***@db-b/app"
    );
    // Nothing else comes.
    assert!(block_on(watch.next_event(), Duration::from_millis(600)).is_none());
}
