//! A work counter for the linearity tests: every loop of the audit ticks the bytes it
//! examines. It compiles to nothing outside `cfg(test)`.

#[cfg(test)]
thread_local! {
    static WORK: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts `n` units of work (bytes examined).
#[inline(always)]
pub(super) fn tick(n: usize) {
    #[cfg(test)]
    WORK.with(|w| w.set(w.get().saturating_add(n as u64)));
    #[cfg(not(test))]
    let _ = n;
}

/// The work counted on this thread since the last call, and a reset.
#[cfg(test)]
pub(super) fn take() -> u64 {
    WORK.with(|w| w.replace(0))
}
