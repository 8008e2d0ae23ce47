//! The values of a successful load, taken one by one by the code the derive generates.

use std::any::Any;

use super::manifest::Entry;

/// A type-erased loaded value (one per variable of a load).
pub(crate) type Erased = Box<dyn Any + Send>;

/// The values of one load, in manifest order (depth first).
pub struct Values {
    items: std::vec::IntoIter<Option<Erased>>,
}

impl Values {
    /// The next value, of a required field.
    pub fn required<L: Any>(&mut self) -> Option<L> {
        self.items.next()??.downcast::<L>().ok().map(|b| *b)
    }

    /// The next value, of an `Option` field.
    pub fn optional<L: Any>(&mut self) -> Option<Option<L>> {
        match self.items.next()? {
            None => Some(None),
            Some(b) => b.downcast::<L>().ok().map(|b| Some(*b)),
        }
    }

    /// The next value, of a `Vec` field.
    pub fn list<L: Any>(&mut self) -> Option<Vec<L>> {
        let items = self.items.next()??.downcast::<Vec<Erased>>().ok()?;
        items
            .into_iter()
            .map(|i| i.downcast::<L>().ok().map(|b| *b))
            .collect()
    }

    /// The next values, of the flattened field declared by `entry`.
    pub fn flattened<T: Any>(&mut self, entry: &Entry) -> Option<T> {
        match entry {
            Entry::Flatten(f) => (f.build)(self)?.downcast::<T>().ok().map(|b| *b),
            Entry::Var(_) => None,
        }
    }
}

impl Values {
    pub(crate) fn new(values: Vec<Option<Erased>>) -> Self {
        Values {
            items: values.into_iter(),
        }
    }
}
