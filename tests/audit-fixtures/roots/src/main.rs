// The binary declares the same file, under `#[cfg(test)]`: that does not exempt it.
#[cfg(test)]
mod config;
#[cfg(test)]
mod fixtures;

fn main() {}
