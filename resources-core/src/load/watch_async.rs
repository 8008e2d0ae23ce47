//! [`AsyncWatch`]: the [`Watch`] for async code, on any runtime (or none): a thread of its own
//! runs the blocking watch and wakes the task that awaits the next event.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use super::{Event, Reloader, Watch, WatchError, WatchSources};
use crate::resources::Resources;

/// How often the watch thread checks that its [`AsyncWatch`] still exists.
const TICK: Duration = Duration::from_millis(200);

struct State<R> {
    current: Arc<R>,
    queue: VecDeque<Event>,
    waker: Option<Waker>,
}

/// A [`Watch`] whose events are awaited: `watch.next_event().await`. It forces no runtime on
/// its user: the blocking watch runs on a thread of its own (stopped when this is dropped),
/// which wakes the awaiting task. The value is shared ([`current`](Self::current)), so `R`
/// must be `Sync`.
pub struct AsyncWatch<R: Resources + Sync> {
    state: Arc<Mutex<State<R>>>,
    stop: Arc<AtomicBool>,
    reloader: Reloader,
}

impl<R: Resources + Sync> AsyncWatch<R> {
    /// Loads `R` from `sources` (on the calling thread, blocking once) and starts watching.
    pub fn start(sources: WatchSources) -> Result<Self, WatchError> {
        let mut watch = Watch::<R>::start(sources)?;
        let state = Arc::new(Mutex::new(State {
            current: watch.shared(),
            queue: VecDeque::new(),
            waker: None,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let reloader = watch.reloader();
        let (shared, stopped) = (Arc::clone(&state), Arc::clone(&stop));
        std::thread::spawn(move || {
            while !stopped.load(Ordering::Relaxed) {
                let Some(event) = watch.next_event(TICK) else {
                    continue;
                };
                let mut state = shared.lock().unwrap_or_else(PoisonError::into_inner);
                state.current = watch.shared();
                state.queue.push_back(event);
                if let Some(waker) = state.waker.take() {
                    waker.wake();
                }
            }
        });
        Ok(AsyncWatch {
            state,
            stop,
            reloader,
        })
    }

    /// The current value (the one the last delivered or queued change installed).
    pub fn current(&self) -> Arc<R> {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(&state.current)
    }

    /// A handle that asks for a reload (a SIGHUP handler).
    pub fn reloader(&self) -> Reloader {
        self.reloader.clone()
    }

    /// The next event, when it comes.
    pub fn next_event(&mut self) -> NextEvent<'_, R> {
        NextEvent { watch: self }
    }
}

impl<R: Resources + Sync> Drop for AsyncWatch<R> {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl<R: Resources + Sync> std::fmt::Debug for AsyncWatch<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsyncWatch")
            .field("type", &R::MANIFEST.type_name)
            .finish_non_exhaustive()
    }
}

/// The future of [`AsyncWatch::next_event`].
#[derive(Debug)]
#[must_use = "a future does nothing unless awaited"]
pub struct NextEvent<'a, R: Resources + Sync> {
    watch: &'a mut AsyncWatch<R>,
}

impl<R: Resources + Sync> Future for NextEvent<'_, R> {
    type Output = Event;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Event> {
        let mut state = self
            .watch
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        match state.queue.pop_front() {
            Some(event) => Poll::Ready(event),
            None => {
                state.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
