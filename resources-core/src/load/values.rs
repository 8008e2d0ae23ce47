//! The values of a successful load, taken one by one by the code the derive generates.

use std::any::Any;

pub(crate) use crate::locator::Erased;

/// The values of one load, in manifest order (depth first).
///
/// The load checked every variable before any value is taken, so each `take` below is a
/// plain move: no field can be missing, and the generated builder needs no early exit per field
/// (whose cleanup paths would grow with the square of the field count).
pub struct Values {
    items: std::vec::IntoIter<Option<Erased>>,
}

impl Values {
    pub(crate) fn new(values: Vec<Option<Erased>>) -> Self {
        Values {
            items: values.into_iter(),
        }
    }

    /// The next slot: a value, or `None` for an unset optional variable.
    #[inline(never)]
    fn next_slot(&mut self) -> Option<Erased> {
        match self.items.next() {
            Some(slot) => slot,
            None => mismatch(),
        }
    }

    /// The next value, which must be set.
    #[inline(never)]
    fn next_value(&mut self) -> Erased {
        match self.next_slot() {
            Some(value) => value,
            None => mismatch(),
        }
    }

    /// The next value, of a required field.
    // Not inlined: one copy per field type, a call per field.
    #[inline(never)]
    pub fn required<L: Any>(&mut self) -> L {
        downcast(self.next_value())
    }

    /// The next value, of an `Option` field.
    // Not inlined: one copy per field type, a call per field.
    #[inline(never)]
    pub fn optional<L: Any>(&mut self) -> Option<L> {
        self.next_slot().map(downcast)
    }

    /// The next value, of a `Vec` field.
    // Not inlined: one copy per field type, a call per field.
    #[inline(never)]
    pub fn list<L: Any>(&mut self) -> Vec<L> {
        let items: Vec<Erased> = downcast(self.next_value());
        items.into_iter().map(downcast).collect()
    }

    /// The next values, of an `Option` flattened field whose struct `build` builds (the
    /// field's [`Entry::build`](super::Entry::build)): `None` when the load found none of its
    /// variables set.
    // Not inlined: one copy per field type, a call per field.
    #[inline(never)]
    pub fn flattened_opt<T: Any>(&mut self, build: BuildFn) -> Option<T> {
        self.next_slot()?;
        Some(self.flattened(build))
    }

    /// The next values, of a flattened field whose struct `build` builds.
    // Not inlined: one copy per field type, a call per field.
    #[inline(never)]
    pub fn flattened<T: Any>(&mut self, build: BuildFn) -> T {
        downcast(build(self))
    }
}

/// Builds a nested struct from the values of a load, boxed.
pub type BuildFn = fn(&mut Values) -> Erased;

/// The build of an entry that is not a flattened struct: a [`mismatch`].
pub(crate) fn not_flattened(_: &mut Values) -> Erased {
    mismatch()
}

/// Moves the `T` out of `value`. The check of the type is the non-generic [`expect_type`], so
/// the code each field type adds to the user's crate is the move and the deallocation alone.
#[inline]
fn downcast<T: Any>(value: Erased) -> T {
    let raw = expect_type(value, std::any::TypeId::of::<T>()).cast::<T>();
    // SAFETY: `expect_type` returned the pointer of a `Box` whose value's type is `T` (it checked
    // the `TypeId`), given up with `Box::into_raw`: rebuilding the `Box<T>` takes it back.
    *unsafe { Box::from_raw(raw) }
}

/// The pointer of `value`'s box, after checking its type is `id` (else the load is a
/// [`mismatch`]); the caller owns the allocation.
#[inline(never)]
fn expect_type(value: Erased, id: std::any::TypeId) -> *mut u8 {
    if (*value).type_id() != id {
        mismatch()
    }
    Box::into_raw(value).cast::<u8>()
}

/// The values do not match the manifest: the builder and the manifest were not generated
/// together. A bug in generated or hand-written `__build` code, never a property of the
/// configuration (every value was checked against the manifest before the build).
#[cold]
#[inline(never)]
fn mismatch() -> ! {
    panic!("resources: the values of a load do not match the manifest of the type being built")
}
